namespace PublisherPortal.Sessions;

/// <summary>A back-channel logout token already honoured, remembered until it expires so a replay is refused.</summary>
public sealed class ConsumedLogoutToken
{
    public required string Issuer { get; set; }
    public required string TokenId { get; set; }
    public DateTime ExpiresAt { get; set; }
}
