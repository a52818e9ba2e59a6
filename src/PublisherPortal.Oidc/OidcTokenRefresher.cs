using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc;

/// <summary>
/// Renews a reader's access token with their refresh token (Subrite, PiPA), using the provider's token endpoint and
/// client authentication. A new ID token in the response is ignored rather than trusted unvalidated: the original,
/// validated one stays the reader's identity and logout hint.
/// </summary>
public sealed class OidcTokenRefresher(IOidcConfigurationSource configurations, IOptionsMonitor<OidcProviderOptions> options, ILogger<OidcTokenRefresher> logger)
{
    /// <exception cref="OidcAuthenticationException">The provider refused (e.g. <c>invalid_grant</c>) or could not be reached.</exception>
    public async Task<OidcRefreshedTokens> RefreshAsync(string providerKey, string refreshToken, CancellationToken cancellationToken = default)
    {
        var provider = options.Get(providerKey);
        var configuration = await configurations.GetAsync(providerKey, cancellationToken);
        if (string.IsNullOrEmpty(configuration.TokenEndpoint))
        {
            throw new OidcAuthenticationException(providerKey, OidcErrorCodes.ProviderConfiguration, "The provider has no token endpoint.");
        }

        var response = await TokenEndpointClient.RefreshAsync(provider, configuration.TokenEndpoint, refreshToken, logger, cancellationToken);
        DateTimeOffset? expiresAt = int.TryParse(response.ExpiresIn, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? (provider.TimeProvider ?? TimeProvider.System).GetUtcNow().AddSeconds(seconds)
            : null;
        return new OidcRefreshedTokens(response.AccessToken, string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken, expiresAt);
    }
}
