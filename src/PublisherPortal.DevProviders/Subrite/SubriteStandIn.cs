using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Protocol;

namespace PublisherPortal.DevProviders.Subrite;

/// <summary>
/// Subrite OIDC as its document describes it (docs/providers/subrite.md): everything under <c>/api/oidc</c> (issuer included),
/// PKCE S256 required, client_secret_post, codes valid 10 minutes, refresh tokens with <c>offline_access</c>.
/// Plans are not in tokens: they come from the member API. The /me and /jwks paths are the defaults of the
/// node oidc-provider whose routes (/auth, /token, /session/end) Subrite's documented endpoints match.
/// </summary>
internal sealed class SubriteStandIn(IOptions<DevProvidersOptions> options)
    : StandInProvider("subrite", "Subrite", SecurityAlgorithms.RsaSha256, options.Value, options.Value.Subrite)
{
    public override string Issuer => BaseUrl + "/api/oidc";
    public override string? DiscoveryPath => "/api/oidc/.well-known/openid-configuration";
    public override string AuthorizePath => "/api/oidc/auth";
    public override string TokenPath => "/api/oidc/token";
    public override string UserInfoPath => "/api/oidc/me";
    public override string JwksPath => "/api/oidc/jwks";
    public override string? EndSessionPath => "/api/oidc/session/end";
    public string MemberApiPath => "/api/v1/members/profile/info-with-active-subscriptions";
    public string CheckoutPath => "/checkout";

    /// <summary>The member API base the portal configures (the stand-in of https://api.subrite.no).</summary>
    public string MemberApiBase => BaseUrl;

    public override TokenClientAuthentication ClientAuthentication => TokenClientAuthentication.Post;
    public override bool RequiresPkce => true;
    public override TimeSpan CodeLifetime => TimeSpan.FromMinutes(10);

    /// <summary>3600 seconds is the value seen in Subrite token responses (docs/providers/subrite.md).</summary>
    public override TimeSpan AccessTokenLifetime => TimeSpan.FromHours(1);

    public override bool IssuesRefreshToken(IReadOnlyList<string> scopes) => scopes.Contains("offline_access", StringComparer.Ordinal);

    public override void AddIdTokenClaims(IDictionary<string, object> claims, ClaimsContext context)
    {
        if (context.HasScope("email"))
        {
            claims["email"] = context.Reader.Email;
        }

        if (context.HasScope("profile"))
        {
            claims["name"] = context.Reader.FullName;
        }
    }

    public override JsonObject UserInfo(ClaimsContext context)
    {
        var info = new JsonObject { ["sub"] = context.Subject };
        if (context.HasScope("email"))
        {
            info["email"] = context.Reader.Email;
        }

        if (context.HasScope("profile"))
        {
            info["name"] = context.Reader.FullName;
        }

        return info;
    }

    public override JsonObject TokenResponse(IssuedTokens tokens)
    {
        var response = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)tokens.AccessTokenLifetime.TotalSeconds,
            ["access_token"] = tokens.AccessToken,
        };
        if (tokens.RefreshToken is not null)
        {
            response["refresh_token"] = tokens.RefreshToken;
        }

        if (tokens.IdToken is not null)
        {
            response["id_token"] = tokens.IdToken;
        }

        response["scope"] = string.Join(' ', tokens.Scopes);
        return response;
    }

    public override JsonObject Discovery()
    {
        var document = base.Discovery();
        document["scopes_supported"] = new JsonArray("openid", "offline_access", "email", "profile");
        document["code_challenge_methods_supported"] = new JsonArray("S256");
        return document;
    }
}
