namespace PublisherPortal.DevProviders.Protocol;

/// <summary>The portal as registered at a stand-in, as an operator would register it in the provider's dashboard.</summary>
internal sealed record ClientRegistration(
    string ClientId,
    string ClientSecret,
    string RedirectUri,
    string PostLogoutRedirectUri,
    string? BackchannelLogoutUri);
