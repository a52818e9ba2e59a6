using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// A provider's resolved configuration (endpoints, issuer, signing keys), from discovery or from settings.
/// The web app uses it for later calls: userinfo, refresh, end-session.
/// </summary>
public interface IOidcConfigurationSource
{
    /// <exception cref="OidcConfigurationException">Discovery or keys could not be loaded, or discovery named another issuer.</exception>
    Task<OpenIdConnectConfiguration> GetAsync(string providerKey, CancellationToken cancellationToken = default);
}
