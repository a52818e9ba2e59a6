using Microsoft.Extensions.Options;
using PublisherPortal.Oidc;

namespace PublisherPortal.Entitlements;

public static class EntitlementsServiceCollectionExtensions
{
    /// <summary>Tiers, plan mappings and plan reading; options validated at start-up, per provider key.</summary>
    public static IServiceCollection AddEntitlements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EntitlementOptions>().Bind(configuration.GetSection(EntitlementOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntitlementOptions>, EntitlementOptionsValidator>();

        foreach (var provider in configuration.GetSection(OidcDefaults.ProvidersSectionName).GetChildren())
        {
            var type = Enum.TryParse<OidcProviderType>(provider["Type"], ignoreCase: true, out var t) ? t : OidcProviderType.Generic;
            services.AddOptions<ProviderCommerceOptions>(provider.Key).Bind(provider).ValidateOnStart();
            services.AddSingleton<IValidateOptions<ProviderCommerceOptions>>(new ProviderCommerceOptionsValidator(provider.Key, type));
        }

        services.AddSingleton<TierCatalog>();
        services.AddHttpClient<SubriteMemberApi>();
        services.AddScoped<EntitlementResolver>();
        services.AddScoped<PlanRefreshMiddleware>();
        return services;
    }
}
