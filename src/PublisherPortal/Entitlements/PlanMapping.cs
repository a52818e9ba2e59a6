using PublisherPortal.Paywall;

namespace PublisherPortal.Entitlements;

/// <summary>
/// An admin's rule "this plan at this provider opens this tier". Plan keys are what the provider reports: Pliro plan
/// slugs, Subrite package ids or names, the configured claim's values for PiPA and generic providers.
/// </summary>
public sealed class PlanMapping
{
    public int Id { get; set; }
    /// <summary>The provider's scheme key, e.g. <c>pliro</c> (<c>Providers:{key}</c>).</summary>
    public required string ProviderKey { get; set; }
    public required string PlanKey { get; set; }
    public int AccessTierId { get; set; }

    /// <summary>
    /// What the provider's shop sells to get this plan, set by an admin, when the shop sells offers rather than plans:
    /// a Pliro offer (its page is <c>/offers/{offer}</c>) grants a plan but is named apart from it, so it is never
    /// guessed from the plan key (docs/providers/pliro.md, "Shop pages"). Null: the paywall links the subscribe page.
    /// </summary>
    public string? Offer { get; set; }
    public AccessTier AccessTier { get; set; } = null!;
}
