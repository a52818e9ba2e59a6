using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Resolves one provider's configuration from three sources, most trusted first: explicit settings, the discovery
/// document (when <see cref="OidcProviderOptions.Discovery"/> allows and it loads), then the endpoints the provider
/// Type's documents name. Keys: a configured <c>JwksUri</c>, else discovery's JWKS; configured PEM keys always count.
/// A discovery document naming another issuer is never used (Discovery 1.0 §4.3): otherwise one provider's document
/// could vouch for another's keys.
/// </summary>
internal sealed class ProviderConfigurationRetriever(OidcProviderOptions options, ILogger logger) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever documents, CancellationToken cancel)
    {
        var discovered = await DiscoverAsync(documents, cancel);
        var documented = OidcProviderProfiles.DocumentedEndpoints(options.Type, options.Issuer);
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = options.Issuer,
            AuthorizationEndpoint = Pick(options.AuthorizationEndpoint, discovered?.AuthorizationEndpoint, documented.Authorization),
            TokenEndpoint = Pick(options.TokenEndpoint, discovered?.TokenEndpoint, documented.Token),
            UserInfoEndpoint = Pick(options.UserInfoEndpoint, discovered?.UserInfoEndpoint, documented.UserInfo),
            EndSessionEndpoint = Pick(options.EndSessionEndpoint, discovered?.EndSessionEndpoint, documented.EndSession),
            JwksUri = Pick(options.JwksUri, discovered?.JwksUri, null),
            AuthorizationResponseIssParameterSupported = discovered?.AuthorizationResponseIssParameterSupported ?? false,
        };

        if (!string.IsNullOrWhiteSpace(options.JwksUri))
        {
            var jwks = new JsonWebKeySet(await documents.GetDocumentAsync(options.JwksUri, cancel));
            AddKeys(configuration, jwks.GetSigningKeys());
        }
        else if (discovered is not null)
        {
            AddKeys(configuration, discovered.SigningKeys);
        }

        AddKeys(configuration, PemSigningKeys.ParseAll(options.SigningKeysPem));
        return configuration;
    }

    private async Task<OpenIdConnectConfiguration?> DiscoverAsync(IDocumentRetriever documents, CancellationToken cancel)
    {
        if (options.Discovery == OidcDiscovery.Off || string.IsNullOrEmpty(options.MetadataAddress))
        {
            return null;
        }

        try
        {
            var document = await OpenIdConnectConfigurationRetriever.GetAsync(options.MetadataAddress, documents, cancel);
            if (!string.Equals(document.Issuer, options.Issuer, StringComparison.Ordinal))
            {
                throw new OidcConfigurationException(
                    $"The discovery document at {options.MetadataAddress} names issuer '{document.Issuer}', but the configured Issuer is '{options.Issuer}'.");
            }

            return document;
        }
        catch (Exception e) when (options.Discovery == OidcDiscovery.IfAvailable && e is not OperationCanceledException)
        {
            logger.DiscoveryNotUsed(options.Key, options.MetadataAddress, e.Message);
            return null;
        }
    }

    private static string? Pick(string? setting, string? discovered, string? documented) =>
        !string.IsNullOrWhiteSpace(setting) ? setting : !string.IsNullOrWhiteSpace(discovered) ? discovered : documented;

    private static void AddKeys(OpenIdConnectConfiguration configuration, IEnumerable<SecurityKey> keys)
    {
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }
    }
}
