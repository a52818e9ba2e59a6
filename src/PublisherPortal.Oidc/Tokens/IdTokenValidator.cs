using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// ID token validation, step by step as OIDC Core 1.0 §3.1.3.7. The signature is checked by
/// <see cref="JsonWebTokenHandler"/>; every claim rule is checked here so each refusal names its reason.
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

        // Step 11: the nonce we sent binds the token to this browser's journey (replay defence).
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || string.IsNullOrEmpty(nonce))
            throw Refuse("The ID token has no nonce.");
        if (!ProtocolRandom.FixedTimeEquals(nonce, expect.Nonce))
            throw Refuse("The ID token's nonce does not match this sign-in.");

        if (!token.TryGetPayloadValue<string>("sub", out var sub) || string.IsNullOrEmpty(sub))
            throw Refuse("The ID token has no subject (sub).");

        // §3.3.2.11 (at_hash): when present, it must be the left half of the access token's hash.
        if (token.TryGetPayloadValue<string>("at_hash", out var atHash) && expect.AccessToken is not null)
        {
            if (!ProtocolRandom.FixedTimeEquals(atHash, LeftHalfHash(token.Alg, expect.AccessToken)))
                throw Refuse("The ID token's access token hash (at_hash) does not match the access token.");
        }

        // Steps 12-13 and PixelPin's warning: a reader can strip prompt=login, so the proof of a fresh
        // login is auth_time later than the journey's start.
        if (expect.PromptLogin || expect.MaxAge is not null)
        {
            if (!TryGetTime(token, "auth_time", out var authTime))
                throw Refuse("The ID token has no authentication time (auth_time), which a fresh login requires.");
            var journeyStartSecond = DateTimeOffset.FromUnixTimeSeconds(expect.JourneyStart.ToUnixTimeSeconds());
            if (expect.PromptLogin && authTime + skew < journeyStartSecond)
                throw Refuse("The provider did not ask you to sign in again (auth_time is older than this sign-in).");
            if (expect.MaxAge is { } maxAge && now - authTime > maxAge + skew)
                throw Refuse("Your sign-in at the provider is older than allowed (max_age).");
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
