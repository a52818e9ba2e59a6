namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// What an access or refresh token stands for. Tokens are opaque random strings (the portal must not
/// parse them); this record is their server-side meaning.
/// </summary>
internal sealed record TokenGrant(
    string Provider,
    string ClientId,
    string ReaderId,
    string Sid,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt);
