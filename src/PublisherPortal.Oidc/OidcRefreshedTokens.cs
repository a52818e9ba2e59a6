namespace PublisherPortal.Oidc;

/// <summary>
/// A refresh's result. <see cref="RefreshToken"/> is null when the provider did not rotate it: keep the old one.
/// <see cref="IdToken"/> is set only when the response carried an ID token that passed OIDC Core §12.2 against the
/// original; the original stays the one to check later refreshes against.
/// </summary>
public sealed record OidcRefreshedTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    public string? IdToken { get; init; }
}
