using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Signature check for provider-signed JWTs (ID tokens, logout tokens): allow-listed asymmetric algorithms
/// only, the provider's keys only, and one key re-fetch when the token names a key we do not know.
/// </summary>
internal sealed class JwtSignatureValidator(
    OidcProviderOptions options,
    ILogger logger,
    Func<CancellationToken, Task<OpenIdConnectConfiguration>> refreshConfiguration)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>Why the algorithm is refused, or null when it is allowed.</summary>
    public string? RefuseAlgorithm(JsonWebToken token) =>
        string.IsNullOrEmpty(token.Alg) || !options.AllowedSigningAlgorithms.Contains(token.Alg, StringComparer.Ordinal)
            ? $"signed with algorithm '{token.Alg}', which is not allowed"
            : null;

    public async Task<bool> IsValidAsync(string raw, JsonWebToken token, OpenIdConnectConfiguration configuration, CancellationToken cancellationToken)
    {
        if (RefuseAlgorithm(token) is not null)
        {
            return false;
        }

        var refreshed = false;
        // Key rotation: a kid we do not know means new keys were published; re-fetch once.
        if (!string.IsNullOrEmpty(token.Kid) && !configuration.SigningKeys.Any(k => string.Equals(k.KeyId, token.Kid, StringComparison.Ordinal)))
        {
            logger.RefreshingSigningKeys(options.Key, token.Kid);
            configuration = await refreshConfiguration(cancellationToken);
            refreshed = true;
        }

        var result = await ValidateWithAsync(raw, configuration);
        if (!result.IsValid && !refreshed && result.Exception is SecurityTokenInvalidSignatureException)
        {
            // Without a kid the only sign of rotation is that no known key verifies.
            logger.RefreshingSigningKeys(options.Key, token.Kid ?? "");
            result = await ValidateWithAsync(raw, await refreshConfiguration(cancellationToken));
        }
        return result.IsValid;
    }

    private Task<TokenValidationResult> ValidateWithAsync(string raw, OpenIdConnectConfiguration configuration) =>
        Handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            IssuerSigningKeys = configuration.SigningKeys,
            TryAllIssuerSigningKeys = true,
            RequireSignedTokens = true,
            ValidAlgorithms = options.AllowedSigningAlgorithms,
            // Claims are checked by the callers with exact rules and specific messages.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
            ValidateTokenReplay = false,
        });
}
