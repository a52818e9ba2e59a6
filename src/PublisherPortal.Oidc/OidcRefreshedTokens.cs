namespace PublisherPortal.Oidc;

/// <summary>A refresh's result. <see cref="RefreshToken"/> is null when the provider did not rotate it: keep the old one.</summary>
public sealed record OidcRefreshedTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt);
