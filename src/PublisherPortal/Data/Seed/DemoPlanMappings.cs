using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// Maps the plans the local stand-in providers sell (DevProviders TestReaderCatalog) onto the demo tiers, so a
/// newcomer's stand-in subscribers can read what they paid for on first run. Subrite is mapped by package id. The
/// Pliro mappings carry the offers the Pliro stand-in sells for those plans, as an admin would set them: the paywall
/// links an offer, never a page named after a plan slug.
/// </summary>
public static class DemoPlanMappings
{
    public static IReadOnlyList<PlanMapping> Create(IReadOnlyList<AccessTier> tiers)
    {
        var plus = tiers.Single(t => t.Slug == "plus");
        var premium = tiers.Single(t => t.Slug == "premium");
        return
        [
            new() { ProviderKey = "pliro", PlanKey = "plus", AccessTier = plus, Offer = "digital-plus-monthly" },
            new() { ProviderKey = "pliro", PlanKey = "premium", AccessTier = premium, Offer = "digital-premium-yearly" },
            new() { ProviderKey = "subrite", PlanKey = "101", AccessTier = plus },
            new() { ProviderKey = "subrite", PlanKey = "102", AccessTier = premium },
            new() { ProviderKey = "pipa", PlanKey = "plus", AccessTier = plus },
            new() { ProviderKey = "pipa", PlanKey = "premium", AccessTier = premium },
        ];
    }
}
