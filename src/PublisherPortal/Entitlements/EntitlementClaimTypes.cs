namespace PublisherPortal.Entitlements;

/// <summary>
/// Claims that carry a reader's plan snapshot in the session, next to the <c>plan</c> claims (one per plan key).
/// The tier is never stored: it is derived per request from these and the current plan mappings.
/// </summary>
public static class EntitlementClaimTypes
{
    /// <summary>When the plan keys were read at the provider (ISO 8601, UTC).</summary>
    public const string PlansReadAt = "plans_at";

    /// <summary>Where they came from: one of <see cref="PlanSources"/>.</summary>
    public const string PlansSource = "plans_source";

    /// <summary>"{ISO expiry} {plan key}": a subscription that ends during the session stops counting then.</summary>
    public const string PlanExpires = "plan_expires";

    /// <summary>Present when the reader had a subscription that has ended, so the paywall can say "expired".</summary>
    public const string PlansLapsed = "plans_lapsed";

    /// <summary>Highest tier rank a last-known (stale) snapshot may open: it never grants more than it did.</summary>
    public const string TierCap = "tier_cap";
}
