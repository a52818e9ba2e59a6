using PublisherPortal.Admin.Plans;
using PublisherPortal.Admin.Providers;
using PublisherPortal.Admin.Readers;
using PublisherPortal.Admin.Tiers;

namespace PublisherPortal.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// The admin screens' services. Singletons on purpose: a staff circuit lives long, so each opens a database
    /// context (or a service scope) per operation instead of holding one (docs/architecture.md, "Staff area").
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<TierService>();
        services.AddSingleton<PlanMappingService>();
        // Scoped: it asks the provider behaviours (scoped) whether a shop sells offers.
        services.AddScoped<PlanOfferService>();
        services.AddSingleton<ReaderAccessExplainer>();
        services.AddSingleton<ProviderStatusService>();
        return services;
    }
}
