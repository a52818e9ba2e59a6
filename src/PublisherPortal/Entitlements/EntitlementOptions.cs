namespace PublisherPortal.Entitlements;

/// <summary>How plans are read and how long what we know stays good (section <c>Entitlements</c>).</summary>
public sealed class EntitlementOptions
{
    public const string SectionName = "Entitlements";

    /// <summary>
    /// The query parameter that marks a return from a provider's checkout or subscribe page: the reader's plans are
    /// re-read before the page shows (a silent re-authentication or a member API call).
    /// </summary>
    public const string RefreshParameter = "portal_refresh";

    /// <summary>
    /// Plans read longer ago than this are re-read on the reader's next page: a silent re-authentication, or Subrite's
    /// member API. Zero turns it off (plans then change only at sign-in and after checkout).
    /// </summary>
    public TimeSpan MaxPlanAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest a page waits for Subrite's member API before carrying on with what it knows.</summary>
    public TimeSpan MemberApiTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the last successful plan read still counts while the provider cannot be asked.</summary>
    public TimeSpan LastKnownGrace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long one instance keeps tiers and mappings cached; an admin's change clears it at once on that instance.</summary>
    public TimeSpan MappingCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
