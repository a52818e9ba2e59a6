using System.Text.Json.Nodes;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// One stand-in: where its endpoints are and how it differs from the others (docs/providers/README.md, side by side).
/// The shared protocol endpoints ask it every provider-specific question, so a difference lives in one place.
/// Paths are relative to <see cref="BasePath"/>.
/// </summary>
internal abstract class StandInProvider
{
    private readonly Lazy<StandInSigningKey> _signingKey;

    protected StandInProvider(string key, string displayName, string signingAlgorithm, DevProvidersOptions options, StandInClientOptions client)
    {
        Key = key;
        DisplayName = displayName;
        PortalBase = options.PortalBase;
        // Generated on first use: a process that never signs for a provider never pays for its RSA key.
        _signingKey = new Lazy<StandInSigningKey>(() => StandInSigningKey.For(signingAlgorithm, key, client.SigningKey));
        Client = new ClientRegistration(
            client.ClientId ?? $"portal-dev-{key}",
            client.ClientSecret ?? $"dev-stand-in-secret-{key}",
            $"{PortalBase}/signin-{key}",
            $"{PortalBase}/signout-callback-{key}",
            BackchannelLogoutTarget(PortalBase));
    }

    public string Key { get; }
    public string DisplayName { get; }
    public string PortalBase { get; }
    public string BasePath => "/dev/" + Key;
    public string BaseUrl => PortalBase + BasePath;
    public StandInSigningKey SigningKey => _signingKey.Value;
    public ClientRegistration Client { get; }

    /// <summary>The issuer identifier; also the base of the discovery location.</summary>
    public virtual string Issuer => BaseUrl;

    /// <summary>Null where the real provider publishes no discovery document (PiPA).</summary>
    public abstract string? DiscoveryPath { get; }
    public abstract string AuthorizePath { get; }
    public abstract string TokenPath { get; }
    public abstract string UserInfoPath { get; }
    public abstract string JwksPath { get; }

    /// <summary>Whether the JWKS is served at all (Pliro's is only with its discovery document switched on).</summary>
    public virtual bool PublishesJwks => true;
    public virtual string? EndSessionPath => null;

    public abstract TokenClientAuthentication ClientAuthentication { get; }
    public virtual bool RequiresPkce => false;
    public virtual bool RequiresOpenIdScope => true;
    public virtual bool RequiresNonceWithOpenId => false;

    /// <summary>Pliro and PiPA let the redirect URI carry query parameters the registered one lacks.</summary>
    public virtual bool RedirectUriMayCarryExtraQuery => false;

    /// <summary>The token request must repeat the authorize redirect_uri (PixelPin lists it as required; Pliro sends it).</summary>
    public virtual bool RequiresRedirectUriAtToken => false;

    /// <summary>Null: unknown scopes are ignored. Otherwise an unknown scope is <c>invalid_scope</c>.</summary>
    public virtual IReadOnlySet<string>? SupportedScopes => null;

    public virtual IReadOnlySet<string> SupportedPrompts { get; } = new HashSet<string>(StringComparer.Ordinal) { "none", "login" };

    /// <summary>
    /// True: one prompt value only, and an unsupported value is <c>invalid_request</c> (PixelPin).
    /// False: unsupported values are ignored, as OIDC Core §3.1.2.1 lets a provider do.
    /// </summary>
    public virtual bool StrictPromptValues => false;

    /// <summary>Userinfo also takes the token as form field <c>access_token</c> in a POST (PixelPin, RFC 6750 §2.2).</summary>
    public virtual bool AcceptsAccessTokenInForm => false;

    public virtual TimeSpan CodeLifetime => TimeSpan.FromSeconds(60);
    public abstract TimeSpan AccessTokenLifetime { get; }
    public TimeSpan IdTokenLifetime => TimeSpan.FromHours(1);
    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(30);

    public IReadOnlyList<PlanOffer> Plans => TestReaderCatalog.PlansFor(Key);

    /// <summary>What the stand-in's shop pages sell; by default each plan is its own offer.</summary>
    public virtual IReadOnlyList<SiteOffer> Offers => [.. Plans.Select(p => new SiteOffer(p.Key, p.Name, p.Blurb, p))];

    public string Url(string relativePath) => BaseUrl + relativePath;

    /// <summary>Whether a refresh token is issued for these scopes.</summary>
    public virtual bool IssuesRefreshToken(IReadOnlyList<string> scopes) => false;

    /// <summary>Whether the refresh_token grant exists at all (Subrite, PiPA).</summary>
    public bool SupportsRefreshTokens => IssuesRefreshToken(["openid", "offline_access"]);

    /// <summary>The <c>sub</c> this client sees for the reader.</summary>
    public virtual string SubjectFor(TestReader reader, string clientId) => reader.ProviderId;

    /// <summary>Adds the provider's own claims to an ID token (iss, sub, aud, iat, exp, auth_time, nonce are added by the caller).</summary>
    public abstract void AddIdTokenClaims(IDictionary<string, object> claims, ClaimsContext context);

    public abstract JsonObject UserInfo(ClaimsContext context);

    public abstract JsonObject TokenResponse(IssuedTokens tokens);

    /// <summary>The discovery document, for providers that publish one.</summary>
    public virtual JsonObject Discovery()
    {
        var document = new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Url(AuthorizePath),
            ["token_endpoint"] = Url(TokenPath),
            ["userinfo_endpoint"] = Url(UserInfoPath),
            ["jwks_uri"] = Url(JwksPath),
            ["response_types_supported"] = new JsonArray("code"),
            ["response_modes_supported"] = new JsonArray("query"),
            ["grant_types_supported"] = SupportsRefreshTokens
                ? new JsonArray("authorization_code", "refresh_token")
                : new JsonArray("authorization_code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray(SigningKey.Algorithm),
            ["token_endpoint_auth_methods_supported"] = new JsonArray(
                ClientAuthentication == TokenClientAuthentication.Basic ? "client_secret_basic" : "client_secret_post"),
            ["claims_parameter_supported"] = false,
        };
        if (EndSessionPath is not null)
        {
            document["end_session_endpoint"] = Url(EndSessionPath);
        }

        if (SupportedScopes is not null)
        {
            document["scopes_supported"] = new JsonArray([.. SupportedScopes.Select(s => JsonValue.Create(s))]);
        }

        return document;
    }

    /// <summary>Where the provider posts back-channel logout tokens; only Pliro sends them.</summary>
    protected virtual string? BackchannelLogoutTarget(string portalBase) => null;
}
