using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>Signs the stand-ins' JWTs with the provider's key, timed by the injected clock.</summary>
internal sealed class IdTokenFactory
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>An ID token (OIDC Core §2): iss, sub, aud, iat, exp, auth_time, nonce when given, then the provider's claims.</summary>
    public string CreateIdToken(StandInProvider provider, ClaimsContext context, string? nonce, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = context.Subject,
            ["auth_time"] = context.AuthTime.ToUnixTimeSeconds(),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        provider.AddIdTokenClaims(claims, context);
        return Sign(provider, context.ClientId, claims, now, provider.IdTokenLifetime, JwtConstants.HeaderType);
    }

    /// <summary>A JWT with iss, aud and iat; exp only when <paramref name="lifetime"/> is given.</summary>
    public string Sign(StandInProvider provider, string audience, IDictionary<string, object> claims, DateTimeOffset now, TimeSpan? lifetime, string type) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = provider.Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            Expires = lifetime is { } span ? (now + span).UtcDateTime : null,
            Claims = claims,
            SigningCredentials = provider.SigningKey.Credentials,
            TokenType = type,
        });
}
