namespace PublisherPortal.Sessions;

/// <summary>
/// A single-use value already used (a sign-in journey's state, a back-channel logout token), remembered until it
/// expires so any instance refuses it a second time. Stored as a hash of its key: fixed length, nothing readable.
/// </summary>
public sealed class ConsumedToken
{
    public required string KeyHash { get; set; }
    public DateTime ExpiresAt { get; set; }
}
