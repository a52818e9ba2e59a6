using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Pipa;

/// <summary>
/// PiPA as its document describes it (docs/providers/pipa.md): /auth/authorize and /auth/token, no discovery document,
/// nonce required with openid, client_secret_post, a refresh token every time, a pairwise user id.
/// PiPA documents neither JWKS, userinfo nor claim names: <see cref="JwksPath"/>, <see cref="UserInfoPath"/>
/// and the plan claim (<see cref="PlanClaim"/>) are our choices, which the portal must configure explicitly.
/// </summary>
internal sealed class PipaStandIn(IOptions<DevProvidersOptions> options)
    : StandInProvider("pipa", "PiPA", SecurityAlgorithms.RsaSha256, options.Value, options.Value.Pipa)
{
    public const string DefaultPlanClaim = "pipa_plan";

    public string PlanClaim { get; } = options.Value.Pipa.PlanClaim ?? DefaultPlanClaim;

    public override string? DiscoveryPath => null;
    public override string AuthorizePath => "/auth/authorize";
    public override string TokenPath => "/auth/token";
    public override string UserInfoPath => "/auth/userinfo";
    public override string JwksPath => "/auth/jwks";

    /// <summary>A page of the stand-in only: PiPA documents no plan page, yet the demo must change a plan.</summary>
    public string PlansPath => "/plans";

    public override TokenClientAuthentication ClientAuthentication => TokenClientAuthentication.Post;

    /// <summary>"'openid' is recommended": a plain OAuth request without it is allowed, and gets no ID token.</summary>
    public override bool RequiresOpenIdScope => false;
    public override bool RequiresNonceWithOpenId => true;
    public override bool RedirectUriMayCarryExtraQuery => true;

    /// <summary>"relatively short-lived": the length is not documented, five minutes makes refresh happen in a demo.</summary>
    public override TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(5);

    public override bool IssuesRefreshToken(IReadOnlyList<string> scopes) => true;

    public override string SubjectFor(TestReader reader, string clientId) => PairwiseSubject.For(reader.ProviderId, clientId);

    public override void AddIdTokenClaims(IDictionary<string, object> claims, ClaimsContext context)
    {
        if (context.HasScope("email"))
        {
            claims["email"] = context.Reader.Email;
        }

        if (context.Plan is { } plan)
        {
            claims[PlanClaim] = plan;
        }
    }

    public override JsonObject UserInfo(ClaimsContext context)
    {
        var info = new JsonObject { ["sub"] = context.Subject };
        if (context.HasScope("email"))
        {
            info["email"] = context.Reader.Email;
        }

        if (context.Plan is { } plan)
        {
            info[PlanClaim] = plan;
        }

        return info;
    }

    /// <summary>Access token, refresh token, the pairwise user id (field name <c>user_id</c> is our assumption), ID token with openid.</summary>
    public override JsonObject TokenResponse(IssuedTokens tokens)
    {
        var response = new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)tokens.AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = tokens.RefreshToken,
            ["user_id"] = tokens.Subject,
        };
        if (tokens.IdToken is not null)
        {
            response["id_token"] = tokens.IdToken;
        }

        response["scope"] = string.Join(' ', tokens.Scopes);
        return response;
    }
}
