namespace PublisherPortal.Entitlements;

/// <summary>
/// A reader who has signed in here, identified by (issuer, subject), with their last plan snapshot. Lets an admin
/// explain a reader's access, and lets sign-in fall back to the last known plans when a provider's API is down.
/// </summary>
public sealed class KnownReader
{
    public int Id { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    public required string ProviderKey { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    /// <summary>The plan keys of the last successful read, one per line.</summary>
    public string PlanKeys { get; set; } = "";
    public required string PlansSource { get; set; }
    public DateTime PlansReadAt { get; set; }
    /// <summary>Rank of the best tier those plans mapped to when read: a stale snapshot never opens more than this.</summary>
    public int? LastTierRank { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSignInAt { get; set; }
}
