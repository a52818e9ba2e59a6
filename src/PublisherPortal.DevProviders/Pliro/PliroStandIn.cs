using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Protocol;

namespace PublisherPortal.DevProviders.Pliro;

/// <summary>
/// Pliro Connect as its documents describe it (docs/providers/pliro.md): ES256, HTTP Basic only, no refresh token,
/// <c>created_at</c> in the token response, <c>sid</c> and <c>plan</c> in the ID token, keys on a "Signing keys" page.
/// By default there is no discovery document and no JWKS (neither is documented); <c>DevProviders:pliro:PublishDiscovery</c>
/// serves both, at the Doorkeeper paths the documented endpoints come from.
/// </summary>
internal sealed class PliroStandIn(IOptions<DevProvidersOptions> options)
    : StandInProvider("pliro", "Pliro", SecurityAlgorithms.EcdsaSha256, options.Value, options.Value.Pliro)
{
    public PliroStandInOptions Switches { get; } = options.Value.Pliro;

    private static readonly HashSet<string> Scopes = new(StringComparer.Ordinal) { "openid", "email", "profile" };

    public override string? DiscoveryPath => Switches.PublishDiscovery ? "/.well-known/openid-configuration" : null;
    public override bool PublishesJwks => Switches.PublishDiscovery;
    public override IReadOnlyList<Readers.SiteOffer> Offers => Readers.TestReaderCatalog.PliroOffers;
    public override string AuthorizePath => "/oauth/authorize";
    public override string TokenPath => "/oauth/token";
    public override string UserInfoPath => "/oauth/userinfo";
    public override string JwksPath => "/oauth/discovery/keys";
    public override string? EndSessionPath => "/oauth/end_session";

    /// <summary>The "Signing keys" page: the official example configures this PEM key instead of discovery.</summary>
    public string SigningKeysPath => "/signing-keys";
    public string SigningKeysPemPath => "/signing-keys.pem";
    public string AccountPath => "/account";
    public string SubscribePath => "/subscribe";
    public string OffersPath => "/offers";

    public override TokenClientAuthentication ClientAuthentication => TokenClientAuthentication.Basic;
    public override bool RedirectUriMayCarryExtraQuery => true;
    public override bool RequiresRedirectUriAtToken => true;
    public override IReadOnlySet<string>? SupportedScopes => Scopes;

    /// <summary>Pliro does not say; two hours is Doorkeeper's default. Expiry shows as a userinfo 401.</summary>
    public override TimeSpan AccessTokenLifetime => TimeSpan.FromHours(2);

    public override void AddIdTokenClaims(IDictionary<string, object> claims, ClaimsContext context)
    {
        claims["sid"] = context.Sid;
        if (context.HasScope("email"))
        {
            claims["email"] = context.Reader.Email;
        }

        // "profile adds the name and the subscription plan" (docs/providers/pliro.md).
        if (context.HasScope("profile"))
        {
            claims["name"] = context.Reader.FullName;
            if (context.Plan is { } plan)
            {
                claims["plan"] = plan;
            }
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
            if (context.Plan is { } plan)
            {
                info["plan"] = plan;
            }

            info["plan_slugs"] = new JsonArray([.. context.ActiveSubscriptions.Select(s => JsonValue.Create(s.PlanKey))]);
        }

        return info;
    }

    /// <summary>Exactly the documented fields: no expires_in, no refresh_token (Step 2).</summary>
    public override JsonObject TokenResponse(IssuedTokens tokens)
    {
        var response = new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', tokens.Scopes),
            ["created_at"] = tokens.IssuedAt.ToUnixTimeSeconds(),
        };
        if (tokens.IdToken is not null)
        {
            response["id_token"] = tokens.IdToken;
        }

        return response;
    }

    public override JsonObject Discovery()
    {
        var document = base.Discovery();
        document["claims_supported"] = new JsonArray("sub", "sid", "email", "name", "plan", "auth_time");
        // Back-channel logout: Pliro's "Sign-out notifications" (docs/providers/pliro.md).
        document["backchannel_logout_supported"] = true;
        document["backchannel_logout_session_supported"] = true;
        return document;
    }

    protected override string? BackchannelLogoutTarget(string portalBase) => portalBase + "/backchannel-logout/pliro";
}
