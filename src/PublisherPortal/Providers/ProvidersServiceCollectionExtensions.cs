using Microsoft.Extensions.Options;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>Each provider type's behaviour, their commerce settings (validated at start-up, per key) and Subrite's member API.</summary>
    public static IServiceCollection AddSubscriptionProviders(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var provider in configuration.GetSection(OidcDefaults.ProvidersSectionName).GetChildren())
        {
            var type = Enum.TryParse<OidcProviderType>(provider["Type"], ignoreCase: true, out var t) ? t : OidcProviderType.Generic;
            services.AddOptions<ProviderCommerceOptions>(provider.Key).Bind(provider).ValidateOnStart();
            services.AddSingleton<IValidateOptions<ProviderCommerceOptions>>(new ProviderCommerceOptionsValidator(provider.Key, type));
        }

        services.AddHttpClient<SubriteMemberApi>();
        services.AddScoped<UserInfoPlanRefresh>();
        services.AddScoped<ISubscriptionProvider, PliroProvider>();
        services.AddScoped<ISubscriptionProvider, SubriteProvider>();
        services.AddScoped<ISubscriptionProvider, PixelPinProvider>();
        services.AddScoped<ISubscriptionProvider, GenericProvider>();
        services.AddScoped<SubscriptionProviders>();
        services.AddScoped<PlanRefreshMiddleware>();
        return services;
    }
}
