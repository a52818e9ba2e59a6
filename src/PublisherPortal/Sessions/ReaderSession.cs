namespace PublisherPortal.Sessions;

/// <summary>
/// A signed-in reader's session, kept server-side: the browser's cookie carries only <see cref="Id"/>. The ticket
/// (claims and provider tokens) is encrypted with Data Protection. Findable by provider session id, so a provider's
/// back-channel logout can end it on any instance.
/// </summary>
public sealed class ReaderSession
{
    public required string Id { get; set; }
    public required string Provider { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    /// <summary>The provider's own session id (<c>sid</c> claim), when it sends one.</summary>
    public string? ProviderSessionId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
