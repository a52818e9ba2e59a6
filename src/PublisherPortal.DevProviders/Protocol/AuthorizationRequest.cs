namespace PublisherPortal.DevProviders.Protocol;

/// <summary>A validated authorization request, kept while the reader chooses who to sign in as.</summary>
internal sealed record AuthorizationRequest(
    string Provider,
    string ClientId,
    string RedirectUri,
    IReadOnlyList<string> Scopes,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    DateTimeOffset ExpiresAt);
