using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// Fetches discovery and JWKS, and refuses a document whose <c>issuer</c> is not exactly the configured
/// one (OpenID Connect Discovery 1.0 §4.3): otherwise one provider's document could vouch for another's keys.
/// </summary>
internal sealed class DiscoveryRetriever(string expectedIssuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel);
        if (!string.Equals(configuration.Issuer, expectedIssuer, StringComparison.Ordinal))
        {
            throw new OidcConfigurationException(
                $"The discovery document at {address} names issuer '{configuration.Issuer}', but the configured Issuer is '{expectedIssuer}'.");
        }
        return configuration;
    }
}
