using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Protocol;

namespace PublisherPortal.DevProviders.PixelPin;

/// <summary>
/// PixelPin as its document describes it (docs/providers/pixelpin.md): /connect/* endpoints (IdentityServer layout),
/// client_secret_post, no refresh tokens, 30-day access tokens, a single prompt value. By default the token response is
/// access_token and expires_in only, and userinfo is <c>id</c> (a 64-bit number), <c>firstName</c> and <c>email</c>,
/// with no <c>sub</c>. <c>DevProviders:pixelpin:IssueIdToken</c> and <c>:UserInfoShape=Plugin</c> give the answers
/// PixelPin's OpenID Connect plugins expect instead.
/// </summary>
internal sealed class PixelPinStandIn(IOptions<DevProvidersOptions> options)
    : StandInProvider("pixelpin", "PixelPin", SecurityAlgorithms.RsaSha256, options.Value, options.Value.PixelPin)
{
    public PixelPinStandInOptions Switches { get; } = options.Value.PixelPin;

    private static readonly HashSet<string> Scopes = new(StringComparer.Ordinal) { "openid", "email", "profile", "address", "phone" };

    public override string? DiscoveryPath => "/.well-known/openid-configuration";
    public override string AuthorizePath => "/connect/authorize";
    public override string TokenPath => "/connect/token";
    public override string UserInfoPath => "/connect/userinfo";
    public override string JwksPath => "/.well-known/openid-configuration/jwks";

    public override TokenClientAuthentication ClientAuthentication => TokenClientAuthentication.Post;

    /// <summary>"redirect_uri - The registered Redirect URI" is one of the token request's form values.</summary>
    public override bool RequiresRedirectUriAtToken => true;
    public override IReadOnlySet<string>? SupportedScopes => Scopes;

    public override IReadOnlySet<string> SupportedPrompts { get; } = new HashSet<string>(StringComparer.Ordinal) { "none", "login", "consent" };

    /// <summary>"we do not support the use of multiple prompt parameters to be used in a single authentication request".</summary>
    public override bool StrictPromptValues => true;

    /// <summary>"For POST ONLY you can pass the access token in form data ... with the parameter name access_token".</summary>
    public override bool AcceptsAccessTokenInForm => true;

    /// <summary>"The token is valid for 30 days".</summary>
    public override TimeSpan AccessTokenLifetime => TimeSpan.FromDays(30);

    /// <summary>
    /// Only the protocol claims: PixelPin's plugins read the profile from userinfo, as IdentityServer keeps
    /// user claims out of the ID token by default. A relying party must call userinfo to learn the name.
    /// </summary>
    public override void AddIdTokenClaims(IDictionary<string, object> claims, ClaimsContext context)
    {
    }

    public override JsonObject UserInfo(ClaimsContext context)
    {
        var reader = context.Reader;
        // "values for email, firstName and id (which is a 64 bit numeric id)".
        var info = new JsonObject
        {
            ["email"] = reader.Email,
            ["firstName"] = reader.GivenName,
            ["id"] = long.Parse(reader.ProviderId, CultureInfo.InvariantCulture),
        };
        if (Switches.UserInfoShape == PixelPinUserInfoShape.Documented)
        {
            return info;
        }

        // The plugin shape: sub as well (equal to id as text: a guess), and the OpenID Connect profile claims by scope.
        info["sub"] = context.Subject;
        if (context.HasScope("profile"))
        {
            info["firstName"] = reader.GivenName;
            info["given_name"] = reader.GivenName;
            info["family_name"] = reader.FamilyName;
            info["nickname"] = reader.GivenName;
            info["displayName"] = reader.FullName;
        }

        if (context.HasScope("address"))
        {
            // A JSON string that needs a second parse, as PixelPin's own plugins expect (docs/providers/pixelpin.md).
            info["address"] = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["street_address"] = "1 Test Street",
                ["locality"] = "Oslo",
                ["postal_code"] = "0150",
                ["country"] = "NO",
            });
        }

        if (context.HasScope("phone"))
        {
            info["phone_number"] = reader.Phone;
        }

        return info;
    }

    /// <summary>"a JSON encoded string with access_token and expires_in"; with the switch, also the ID token an OpenID
    /// Connect code flow usually returns. Never a refresh token.</summary>
    public override JsonObject TokenResponse(IssuedTokens tokens)
    {
        var response = new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["expires_in"] = (long)tokens.AccessTokenLifetime.TotalSeconds,
        };
        if (Switches.IssueIdToken && tokens.IdToken is not null)
        {
            response["token_type"] = "Bearer";
            response["id_token"] = tokens.IdToken;
            response["scope"] = string.Join(' ', tokens.Scopes);
        }

        return response;
    }

    public override JsonObject Discovery()
    {
        var document = base.Discovery();
        document["claims_supported"] = new JsonArray("sub", "id", "email", "firstName", "given_name", "family_name", "nickname", "displayName", "address", "phone_number");
        document["prompt_values_supported"] = new JsonArray("none", "login", "consent");
        return document;
    }
}
