using Microsoft.Extensions.Options;

namespace PublisherPortal.Entitlements;

public static class EntitlementsServiceCollectionExtensions
{
    /// <summary>Tiers, plan mappings and plan snapshots; options validated at start-up.</summary>
    public static IServiceCollection AddEntitlements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EntitlementOptions>().Bind(configuration.GetSection(EntitlementOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntitlementOptions>, EntitlementOptionsValidator>();
        services.AddSingleton<TierCatalog>();
        services.AddScoped<EntitlementResolver>();
        return services;
    }
}
