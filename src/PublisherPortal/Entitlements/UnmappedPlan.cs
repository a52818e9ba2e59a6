namespace PublisherPortal.Entitlements;

/// <summary>
/// A plan key a reader signed in with that no mapping covers: the admin's to-do list, so a newly launched plan at the
/// provider does not silently leave its subscribers behind the paywall.
/// </summary>
public sealed class UnmappedPlan
{
    public int Id { get; set; }
    public required string ProviderKey { get; set; }
    public required string PlanKey { get; set; }
    /// <summary>A human name the provider sent with the key (Subrite's packageName), if any.</summary>
    public string? Label { get; set; }
    public int SeenCount { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}
