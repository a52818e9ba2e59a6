using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// Checks a logout token (OpenID Connect Back-Channel Logout 1.0 §2.4 and §2.6) with the checks Pliro's sign-out
/// notifications ask for (docs/providers/pliro.md): signature with the provider's keys, <c>typ</c> logout+jwt, exact
/// <c>iss</c>, <c>aud</c> containing the client id, <c>iat</c> in the past and recent, <c>sub</c> and <c>sid</c>
/// present, the back-channel logout event, and no <c>nonce</c> (so an ID token can never pass as a logout token).
/// <c>jti</c> is not among Pliro's checks, so a token without it is accepted with a token id derived from its claims.
/// The web app answers 400 on failure, refuses a token id it has already honoured, and ends the sessions otherwise.
/// </summary>
public sealed class LogoutTokenValidator
{
    private const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    private readonly IOidcConfigurationSource _configurations;
    private readonly IOptionsMonitor<OidcProviderOptions> _options;
    private readonly ILogger<LogoutTokenValidator> _logger;

    public LogoutTokenValidator(IOidcConfigurationSource configurations, IOptionsMonitor<OidcProviderOptions> options, ILogger<LogoutTokenValidator> logger)
    {
        _configurations = configurations;
        _options = options;
        _logger = logger;
    }

    public async Task<LogoutTokenValidationResult> ValidateAsync(string providerKey, string? logoutToken, CancellationToken cancellationToken = default)
    {
        var result = await CheckAsync(providerKey, logoutToken, cancellationToken);
        if (!result.Succeeded)
        {
            _logger.LogoutTokenRefused(providerKey, result.FailureReason!);
        }
        return result;
    }

    private async Task<LogoutTokenValidationResult> CheckAsync(string providerKey, string? logoutToken, CancellationToken cancellationToken)
    {
        var options = _options.Get(providerKey);
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.Issuer))
            return Fail("the provider is not configured");
        if (string.IsNullOrEmpty(logoutToken))
            return Fail("no logout_token");

        JsonWebToken token;
        JsonElement payload;
        try
        {
            token = new JsonWebToken(logoutToken);
            using var document = JsonDocument.Parse(WebEncoders.Base64UrlDecode(token.EncodedPayload));
            payload = document.RootElement.Clone();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or Microsoft.IdentityModel.Tokens.SecurityTokenMalformedException)
        {
            return Fail("not a well-formed JWT");
        }
        if (token.IsEncrypted)
            return Fail("encrypted logout tokens are not supported");

        // §2.4: explicit typing keeps other JWTs (ID tokens, access tokens) from being replayed as logout tokens.
        if (!string.Equals(token.Typ, "logout+jwt", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(token.Typ, "application/logout+jwt", StringComparison.OrdinalIgnoreCase))
            return Fail("header typ is not logout+jwt");

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _configurations.GetAsync(providerKey, cancellationToken);
        }
        catch (OidcConfigurationException)
        {
            return Fail("the provider's keys could not be loaded");
        }
        Func<CancellationToken, Task<OpenIdConnectConfiguration>> refresh = _configurations is OidcConfigurationSource source
            ? ct => source.RefreshAsync(providerKey, ct)
            : ct => Task.FromResult(configuration);
        var signatures = new JwtSignatureValidator(options, _logger, refresh);
        if (signatures.RefuseAlgorithm(token) is { } algorithm)
            return Fail(algorithm);
        if (!await signatures.IsValidAsync(logoutToken, token, configuration, cancellationToken))
            return Fail("signature is not valid with the provider's keys");

        if (!string.Equals(token.Issuer, options.Issuer, StringComparison.Ordinal))
            return Fail("iss is not the provider's issuer");
        if (!token.Audiences.Contains(options.ClientId, StringComparer.Ordinal))
            return Fail("aud does not contain our client id");

        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (!IdTokenValidator.TryGetTime(token, "iat", out var iat))
            return Fail("no iat");
        if (iat > now + options.ClockSkew)
            return Fail("iat is in the future");
        if (now - iat > options.LogoutTokenMaxAge + options.ClockSkew)
            return Fail("iat is too old");
        if (IdTokenValidator.TryGetTime(token, "exp", out var exp) && now > exp + options.ClockSkew)
            return Fail("the token has expired");

        var subject = payload.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
        if (string.IsNullOrEmpty(subject))
            return Fail("no sub");
        var sessionId = payload.TryGetProperty("sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null;
        // Pliro always sends sid; a provider that ends sessions per subject instead must be allowed to explicitly.
        if (string.IsNullOrEmpty(sessionId) && options.LogoutTokenRequiresSessionId)
            return Fail("no sid");
        // The web app refuses a token id it has already honoured (replay). Spec-following providers send jti (§2.4);
        // Pliro does not document one, so the id is then derived from the claims that make the event unique.
        var tokenId = payload.TryGetProperty("jti", out var jti) && jti.ValueKind == JsonValueKind.String && jti.GetString() is { Length: > 0 } given
            ? given
            : LogoutTokenId.Derive(token.Issuer, subject, sessionId, iat);

        if (!payload.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(BackChannelLogoutEvent, out var logoutEvent) || logoutEvent.ValueKind != JsonValueKind.Object)
            return Fail("events does not contain the back-channel logout event");

        if (payload.TryGetProperty("nonce", out _))
            return Fail("a nonce is present");

        var expiresAt = IdTokenValidator.TryGetTime(token, "exp", out var expiry) ? expiry : iat + options.LogoutTokenMaxAge;
        return LogoutTokenValidationResult.Success(options.Issuer, subject, string.IsNullOrEmpty(sessionId) ? null : sessionId, tokenId, expiresAt);
    }

    private static LogoutTokenValidationResult Fail(string reason) => LogoutTokenValidationResult.Failure(reason);
}
