namespace PublisherPortal.DevProviders.Protocol;

/// <summary>The tokens minted by one successful token request, before the provider shapes its response.</summary>
internal sealed record IssuedTokens(
    string AccessToken,
    TimeSpan AccessTokenLifetime,
    string? RefreshToken,
    string? IdToken,
    IReadOnlyList<string> Scopes,
    string Subject,
    DateTimeOffset IssuedAt);
