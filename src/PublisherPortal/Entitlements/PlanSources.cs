namespace PublisherPortal.Entitlements;

/// <summary>Where a plan snapshot came from.</summary>
public static class PlanSources
{
    /// <summary>Plan claims in the ID token or userinfo (Pliro <c>plan</c>/<c>plan_slugs</c>, PiPA/Generic configured claim).</summary>
    public const string Claims = "claims";

    /// <summary>Subrite's member API (active subscriptions).</summary>
    public const string MemberApi = "member_api";

    /// <summary>The provider has no plans (PixelPin): a registered reader.</summary>
    public const string None = "none";

    /// <summary>The provider could not be asked; the last successful read is used until its grace period ends.</summary>
    public const string LastKnown = "last_known";

    /// <summary>The provider could not be asked and nothing recent was known: no plans.</summary>
    public const string Unavailable = "unavailable";
}
