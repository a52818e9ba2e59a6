using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// The token endpoint (RFC 6749 §4.1.3, §6; OIDC Core §3.1.3): client authentication per provider, codes used once
/// and only while fresh, redirect_uri and PKCE checks, refresh tokens rotated on use where the provider has them.
/// </summary>
internal sealed class TokenEndpoint(
    GrantStore grants,
    ReaderDirectory readers,
    IdTokenFactory idTokens,
    TimeProvider time,
    ILogger<TokenEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context, StandInProvider provider)
    {
        if (!context.Request.HasFormContentType)
        {
            await RefuseAsync(context, provider, "?", "invalid_request", "The body must be application/x-www-form-urlencoded.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        if (form.Any(p => p.Value.Count > 1))
        {
            await RefuseAsync(context, provider, grantType, "invalid_request", "A parameter is repeated.");
            return;
        }

        if (ClientAuthenticator.Authenticate(context, form, provider) is { } failure)
        {
            var challenge = failure.Status == StatusCodes.Status401Unauthorized && provider.ClientAuthentication == TokenClientAuthentication.Basic
                ? $"Basic realm=\"{provider.Issuer}\""
                : null;
            await RefuseAsync(context, provider, grantType, failure.Error, failure.Description, failure.Status, challenge);
            return;
        }

        switch (grantType)
        {
            case "authorization_code":
                await RedeemCodeAsync(context, provider, form);
                break;
            case "refresh_token" when provider.SupportsRefreshTokens:
                await RefreshAsync(context, provider, form);
                break;
            case "":
                await RefuseAsync(context, provider, grantType, "invalid_request", "grant_type is required.");
                break;
            default:
                // Pliro and PixelPin have no refresh tokens ("we do not support Refresh Tokens").
                await RefuseAsync(context, provider, grantType, "unsupported_grant_type", $"{provider.DisplayName} does not support grant_type {grantType}.");
                break;
        }
    }

    private async Task RedeemCodeAsync(HttpContext context, StandInProvider provider, IFormCollection form)
    {
        const string GrantType = "authorization_code";
        var code = form["code"].ToString();
        if (code.Length == 0)
        {
            await RefuseAsync(context, provider, GrantType, "invalid_request", "code is required.");
            return;
        }

        // Taken out of the store before any check: a code is spent by its first use, right or wrong (RFC 6749 §4.1.2).
        var grant = grants.TakeCode(code);
        if (grant is null || grant.Request.Provider != provider.Key || grant.Request.ClientId != provider.Client.ClientId)
        {
            await RefuseAsync(context, provider, GrantType, "invalid_grant", "The code is unknown, already used or issued to another client.");
            return;
        }

        if (grant.ExpiresAt <= time.GetUtcNow())
        {
            await RefuseAsync(context, provider, GrantType, "invalid_grant", "The code has expired.");
            return;
        }

        var redirectUri = form["redirect_uri"].ToString();
        if (redirectUri.Length == 0 && provider.RequiresRedirectUriAtToken)
        {
            await RefuseAsync(context, provider, GrantType, "invalid_request", "redirect_uri is required.");
            return;
        }

        if (redirectUri.Length > 0 && redirectUri != grant.Request.RedirectUri)
        {
            await RefuseAsync(context, provider, GrantType, "invalid_grant", "redirect_uri does not match the authorization request.");
            return;
        }

        if (grant.Request.CodeChallenge is { } challenge && !Pkce.Verifies(form["code_verifier"].ToString(), challenge))
        {
            await RefuseAsync(context, provider, GrantType, "invalid_grant", "PKCE verification failed: code_verifier is missing or does not match.");
            return;
        }

        await IssueAsync(context, provider, GrantType, grant.ReaderId, grant.Sid, grant.AuthTime, grant.Request.Scopes, grant.Request.Nonce);
    }

    private async Task RefreshAsync(HttpContext context, StandInProvider provider, IFormCollection form)
    {
        const string GrantType = "refresh_token";
        var token = form["refresh_token"].ToString();
        if (token.Length == 0)
        {
            await RefuseAsync(context, provider, GrantType, "invalid_request", "refresh_token is required.");
            return;
        }

        // Rotation: the presented token is spent now; only the new one works from here on.
        var grant = grants.TakeRefreshToken(token);
        if (grant is null || grant.Provider != provider.Key || grant.ClientId != provider.Client.ClientId || grant.ExpiresAt <= time.GetUtcNow())
        {
            await RefuseAsync(context, provider, GrantType, "invalid_grant", "The refresh token is unknown, already used, expired or issued to another client.");
            return;
        }

        // OIDC Core §12.2: same auth_time, no nonce.
        await IssueAsync(context, provider, GrantType, grant.ReaderId, grant.Sid, grant.AuthTime, grant.Scopes, nonce: null);
    }

    private async Task IssueAsync(HttpContext context, StandInProvider provider, string grantType, string readerId, string sid, DateTimeOffset authTime, IReadOnlyList<string> scopes, string? nonce)
    {
        var reader = readers.Find(provider.Key, readerId)
            ?? throw new InvalidOperationException($"Test reader {readerId} vanished from the catalog.");
        var now = time.GetUtcNow();
        var clientId = provider.Client.ClientId;
        var subject = provider.SubjectFor(reader, clientId);
        var claims = new ClaimsContext(reader, subject, clientId, sid, authTime, scopes, readers.ActiveSubscriptions(reader.Id));

        var accessToken = grants.AddAccessToken(new TokenGrant(provider.Key, clientId, reader.Id, sid, authTime, scopes, now + provider.AccessTokenLifetime));
        var refreshToken = provider.IssuesRefreshToken(scopes)
            ? grants.AddRefreshToken(new TokenGrant(provider.Key, clientId, reader.Id, sid, authTime, scopes, now + provider.RefreshTokenLifetime))
            : null;
        var idToken = scopes.Contains("openid", StringComparer.Ordinal) ? idTokens.CreateIdToken(provider, claims, nonce, now) : null;

        logger.TokensIssued(provider.Key, grantType, clientId);
        await ProtocolResponses.JsonAsync(context, provider.TokenResponse(
            new IssuedTokens(accessToken, provider.AccessTokenLifetime, refreshToken, idToken, scopes, subject, now)));
    }

    private Task RefuseAsync(HttpContext context, StandInProvider provider, string grantType, string error, string description, int status = StatusCodes.Status400BadRequest, string? challenge = null)
    {
        logger.TokenRefused(provider.Key, grantType, error, description);
        return ProtocolResponses.OAuthErrorAsync(context, error, description, status, challenge);
    }
}
