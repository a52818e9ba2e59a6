namespace PublisherPortal.Oidc;

/// <summary>Marks a scheme as one of ours, so validation and the catalog know which named options to look at.</summary>
internal sealed record OidcProviderRegistration(string Key);
