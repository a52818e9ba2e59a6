namespace PublisherPortal.Oidc;

/// <summary>A configured provider as the login chooser shows it.</summary>
public sealed record OidcProviderInfo(string Key, string DisplayName, OidcProviderType Type);
