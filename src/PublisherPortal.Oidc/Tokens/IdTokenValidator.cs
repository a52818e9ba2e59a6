using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// ID token validation, step by step as OIDC Core 1.0 §3.1.3.7 at sign-in, and as §12.2 for an ID token in a refresh
/// response. The signature is checked by <see cref="JsonWebTokenHandler"/>; every claim rule is checked here so each
/// refusal names its reason.
/// </summary>
internal sealed class IdTokenValidator(
    OidcProviderOptions options,
    TimeProvider time,
    ILogger logger,
    Func<CancellationToken, Task<OpenIdConnectConfiguration>> refreshConfiguration)
{
    private readonly JwtSignatureValidator _signatures = new(options, logger, refreshConfiguration);

    public async Task<JsonWebToken> ValidateAsync(string idToken, OpenIdConnectConfiguration configuration, IdTokenExpectations expect, CancellationToken cancellationToken)
    {
        var token = await ValidateIssuedAsync(idToken, configuration, expect.AccessToken, cancellationToken);
        var skew = options.ClockSkew;

        // Step 11: the nonce we sent binds the token to this browser's journey (replay defence).
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || string.IsNullOrEmpty(nonce))
            throw Refuse("The ID token has no nonce.");
        if (!ProtocolRandom.FixedTimeEquals(nonce, expect.Nonce))
            throw Refuse("The ID token's nonce does not match this sign-in.");

        // Steps 12-13 and PixelPin's warning: a reader can strip prompt=login, so the proof of a fresh
        // login is auth_time later than the journey's start.
        if (expect.PromptLogin || expect.MaxAge is not null)
        {
            if (!TryGetTime(token, "auth_time", out var authTime))
                throw Refuse("The ID token has no authentication time (auth_time), which a fresh login requires.");
            var journeyStartSecond = DateTimeOffset.FromUnixTimeSeconds(expect.JourneyStart.ToUnixTimeSeconds());
            if (expect.PromptLogin && authTime + skew < journeyStartSecond)
                throw Refuse("The provider did not ask you to sign in again (auth_time is older than this sign-in).");
            if (expect.MaxAge is { } maxAge && time.GetUtcNow() - authTime > maxAge + skew)
                throw Refuse("Your sign-in at the provider is older than allowed (max_age).");
        }

        return token;
    }

    /// <summary>
    /// OIDC Core §12.2: an ID token in a refresh response. It passes the rules of sign-in but the nonce's (a refresh is
    /// no authentication request), and then names the original authentication's person, for the original audience:
    /// <paramref name="originalIdToken"/> is the one issued at sign-in, validated then and kept server-side, so it is
    /// only read here. A token that is not newly issued (the original sent back, or one older) is no refreshed one.
    /// </summary>
    public async Task<JsonWebToken> ValidateRefreshedAsync(
        string idToken, string originalIdToken, string accessToken, OpenIdConnectConfiguration configuration, CancellationToken cancellationToken)
    {
        if (ProtocolRandom.FixedTimeEquals(idToken, originalIdToken))
            throw Refuse("The refresh response sent the original ID token back, not a new one.");
        var token = await ValidateIssuedAsync(idToken, configuration, accessToken, cancellationToken);
        JsonWebToken original;
        try
        {
            original = new JsonWebToken(originalIdToken);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            throw Refuse("The session's original ID token cannot be read, so a refreshed one cannot be compared with it.");
        }

        // The provider's issuer can be reconfigured after sign-in: the original's must still be the one.
        if (!string.Equals(token.Issuer, original.Issuer, StringComparison.Ordinal))
            throw Refuse("The refreshed ID token's issuer (iss) is not the original's.");
        if (!string.Equals(token.Subject, original.Subject, StringComparison.Ordinal))
            throw Refuse("The refreshed ID token names another subject (sub) than the original.");
        if (!token.Audiences.ToHashSet(StringComparer.Ordinal).SetEquals(original.Audiences))
            throw Refuse("The refreshed ID token's audience (aud) differs from the original's.");
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp);
        var originalHasAzp = original.TryGetPayloadValue<string>("azp", out var originalAzp);
        if (hasAzp != originalHasAzp || !string.Equals(azp, originalAzp, StringComparison.Ordinal))
            throw Refuse("The refreshed ID token's authorized party (azp) differs from the original's.");

        // iat must be the time of this refresh: a token older than the original is not a new one.
        if (!TryGetTime(token, "iat", out var iat) || iat + options.ClockSkew < time.GetUtcNow())
            throw Refuse("The refreshed ID token was not issued now (iat).");
        if (TryGetTime(original, "iat", out var originalIat) && iat < originalIat)
            throw Refuse("The refreshed ID token is older than the original (iat).");

        // auth_time stays the original authentication's: a refresh is no new sign-in, and a value we cannot compare
        // with the original's could claim one.
        if (TryGetTime(token, "auth_time", out var authTime)
            && (!TryGetTime(original, "auth_time", out var originalAuthTime) || authTime != originalAuthTime))
            throw Refuse("The refreshed ID token's authentication time (auth_time) is not the original's.");

        // No nonce is sent with a refresh; one that comes back anyway may only be the original's, never another sign-in's.
        if (token.TryGetPayloadValue<string>("nonce", out var nonce)
            && (!original.TryGetPayloadValue<string>("nonce", out var originalNonce) || !ProtocolRandom.FixedTimeEquals(nonce, originalNonce)))
            throw Refuse("The refreshed ID token carries a nonce other than the original's.");

        return token;
    }

    /// <summary>The rules every ID token meets, at sign-in or refresh: §3.1.3.7 steps 1-10, sub, and §3.3.2.11 at_hash.</summary>
    private async Task<JsonWebToken> ValidateIssuedAsync(string idToken, OpenIdConnectConfiguration configuration, string? accessToken, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(idToken);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            throw Refuse("The ID token is not a well-formed JWT.");
        }
        if (token.IsEncrypted)
        {
            throw Refuse("Encrypted ID tokens are not supported.");
        }

        // Algorithm allow-list before any key is touched: refuses `none` and HMAC keyed with a public key.
        if (_signatures.RefuseAlgorithm(token) is { } refusedAlgorithm)
        {
            throw Refuse($"The ID token is {refusedAlgorithm}.");
        }
        if (string.Equals(token.Typ, "logout+jwt", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse("A logout token was presented as an ID token.");
        }

        if (!await _signatures.IsValidAsync(idToken, token, configuration, cancellationToken))
        {
            throw Refuse("The ID token's signature is not valid with the provider's keys.");
        }

        // §3.1.3.7 step 2: iss exactly the provider's issuer.
        if (string.IsNullOrEmpty(token.Issuer))
            throw Refuse("The ID token has no issuer (iss).");
        if (!string.Equals(token.Issuer, configuration.Issuer, StringComparison.Ordinal) || !string.Equals(token.Issuer, options.Issuer, StringComparison.Ordinal))
            throw Refuse("The ID token was issued by another issuer.");

        // Steps 3-5: aud contains our client_id; several audiences need azp, and azp must be us.
        var audiences = token.Audiences.ToList();
        if (audiences.Count == 0)
            throw Refuse("The ID token has no audience (aud).");
        if (!audiences.Contains(options.ClientId!, StringComparer.Ordinal))
            throw Refuse("The ID token is meant for another client (aud).");
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp) && !string.IsNullOrEmpty(azp);
        if (audiences.Count > 1 && !hasAzp)
            throw Refuse("The ID token has several audiences but no authorized party (azp).");
        if (hasAzp && !string.Equals(azp, options.ClientId, StringComparison.Ordinal))
            throw Refuse("The ID token's authorized party (azp) is another client.");

        // Steps 9-10: exp in the future, iat present and not in the future (with small skew).
        var now = time.GetUtcNow();
        var skew = options.ClockSkew;
        if (!TryGetTime(token, "exp", out var exp))
            throw Refuse("The ID token has no expiry (exp).");
        if (now > exp + skew)
            throw Refuse("The ID token has expired.");
        if (!TryGetTime(token, "iat", out var iat))
            throw Refuse("The ID token has no issue time (iat).");
        if (iat > now + skew)
            throw Refuse("The ID token claims to be issued in the future (iat).");
        if (TryGetTime(token, "nbf", out var nbf) && nbf > now + skew)
            throw Refuse("The ID token is not valid yet (nbf).");

        if (!token.TryGetPayloadValue<string>("sub", out var sub) || string.IsNullOrEmpty(sub))
            throw Refuse("The ID token has no subject (sub).");

        // §3.3.2.11 (at_hash): when present, it must be the left half of the access token's hash.
        if (token.TryGetPayloadValue<string>("at_hash", out var atHash) && accessToken is not null)
        {
            if (!ProtocolRandom.FixedTimeEquals(atHash, LeftHalfHash(token.Alg, accessToken)))
                throw Refuse("The ID token's access token hash (at_hash) does not match the access token.");
        }

        return token;
    }

    private static string LeftHalfHash(string alg, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        var hash = alg[^3..] switch
        {
            "384" => SHA384.HashData(bytes),
            "512" => SHA512.HashData(bytes),
            _ => SHA256.HashData(bytes),
        };
        return WebEncoders.Base64UrlEncode(hash, 0, hash.Length / 2);
    }

    internal static bool TryGetTime(JsonWebToken token, string claim, out DateTimeOffset value)
    {
        if (token.TryGetPayloadValue<long>(claim, out var seconds))
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        if (token.TryGetPayloadValue<double>(claim, out var fractional) && double.IsFinite(fractional))
        {
            value = DateTimeOffset.FromUnixTimeSeconds((long)fractional);
            return true;
        }
        value = default;
        return false;
    }

    private OidcAuthenticationException Refuse(string why) => new(options.Key, OidcErrorCodes.InvalidIdToken, why);
}
