using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// Renews a reader's access token with their refresh token (Subrite, PiPA), using the provider's token endpoint and
/// client authentication. A new ID token in the response must pass OIDC Core §12.2 against the session's original
/// one; one that fails refuses the whole response, since a provider that names another person, audience or sign-in
/// no longer vouches for this session.
/// </summary>
public sealed class OidcTokenRefresher(IOidcConfigurationSource configurations, IOptionsMonitor<OidcProviderOptions> options, ILogger<OidcTokenRefresher> logger)
{
    /// <param name="originalIdToken">
    /// The ID token of the original authentication, as kept in the session. Without it a refreshed ID token cannot be
    /// checked, so it is not used (<see cref="OidcRefreshedTokens.IdToken"/> stays null).
    /// </param>
    /// <exception cref="OidcAuthenticationException">
    /// The provider refused (e.g. <c>invalid_grant</c>), could not be reached, or sent an ID token that fails §12.2
    /// (<see cref="OidcErrorCodes.InvalidIdToken"/>).
    /// </exception>
    public async Task<OidcRefreshedTokens> RefreshAsync(
        string providerKey, string refreshToken, string? originalIdToken = null, CancellationToken cancellationToken = default)
    {
        var provider = options.Get(providerKey);
        var configuration = await configurations.GetAsync(providerKey, cancellationToken);
        if (string.IsNullOrEmpty(configuration.TokenEndpoint))
        {
            throw new OidcAuthenticationException(providerKey, OidcErrorCodes.ProviderConfiguration, "The provider has no token endpoint.");
        }

        var response = await TokenEndpointClient.RefreshAsync(provider, configuration.TokenEndpoint, refreshToken, logger, cancellationToken);
        var clock = provider.TimeProvider ?? TimeProvider.System;
        DateTimeOffset? expiresAt = int.TryParse(response.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? clock.GetUtcNow().AddSeconds(seconds)
            : null;
        var renewed = new OidcRefreshedTokens(response.AccessToken, string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken, expiresAt);
        if (string.IsNullOrEmpty(response.IdToken))
        {
            return renewed;
        }

        if (string.IsNullOrEmpty(originalIdToken))
        {
            logger.RefreshedIdTokenIgnored(providerKey);
            return renewed;
        }

        // A key id we do not know may be a rotation: the signature check re-fetches the keys once, as at sign-in.
        Func<CancellationToken, Task<OpenIdConnectConfiguration>> refreshKeys =
            configurations is OidcConfigurationSource source ? ct => source.RefreshAsync(providerKey, ct) : _ => Task.FromResult(configuration);
        var validator = new IdTokenValidator(provider, clock, logger, refreshKeys);
        try
        {
            await validator.ValidateRefreshedAsync(response.IdToken, originalIdToken, response.AccessToken, configuration, cancellationToken);
        }
        catch (OidcAuthenticationException e)
        {
            logger.RefreshedIdTokenRefused(providerKey, OidcFailureRedirect.SafeText(e.ErrorDescription));
            throw;
        }

        return renewed with { IdToken = response.IdToken };
    }
}
