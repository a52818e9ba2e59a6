using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// Maps the plans the local stand-in providers sell (DevProviders TestReaderCatalog) onto the demo tiers, so a
/// newcomer's stand-in subscribers can read what they paid for on first run. Subrite is mapped by package id.
/// </summary>
public static class DemoPlanMappings
{
    public static IReadOnlyList<PlanMapping> Create(IReadOnlyList<AccessTier> tiers)
    {
        var plus = tiers.Single(t => t.Slug == "plus");
        var premium = tiers.Single(t => t.Slug == "premium");
        return
        [
            new() { ProviderKey = "pliro", PlanKey = "plus", AccessTier = plus },
            new() { ProviderKey = "pliro", PlanKey = "premium", AccessTier = premium },
            new() { ProviderKey = "subrite", PlanKey = "101", AccessTier = plus },
            new() { ProviderKey = "subrite", PlanKey = "102", AccessTier = premium },
            new() { ProviderKey = "pipa", PlanKey = "plus", AccessTier = plus },
            new() { ProviderKey = "pipa", PlanKey = "premium", AccessTier = premium },
        ];
    }
}
