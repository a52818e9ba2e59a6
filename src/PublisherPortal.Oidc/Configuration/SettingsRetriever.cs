using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Builds configuration from settings for providers without discovery (Pliro may have none; PiPA documents
/// none): endpoints as configured, keys from PEM settings and/or a configured JWKS URI.
/// </summary>
internal sealed class SettingsRetriever(OidcProviderOptions options) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = options.Issuer,
            AuthorizationEndpoint = options.AuthorizationEndpoint,
            TokenEndpoint = options.TokenEndpoint,
            UserInfoEndpoint = options.UserInfoEndpoint,
            EndSessionEndpoint = options.EndSessionEndpoint,
            JwksUri = options.JwksUri,
        };
        foreach (var key in PemSigningKeys.ParseAll(options.SigningKeysPem))
        {
            configuration.SigningKeys.Add(key);
        }
        if (!string.IsNullOrEmpty(options.JwksUri))
        {
            var json = await retriever.GetDocumentAsync(options.JwksUri, cancel);
            configuration.JsonWebKeySet = new JsonWebKeySet(json);
            foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
            {
                configuration.SigningKeys.Add(key);
            }
        }
        return configuration;
    }
}
