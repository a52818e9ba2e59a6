using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace PublisherPortal.Oidc;

/// <summary>
/// Settings of one provider scheme, bound from <c>Providers:{key}</c>. Type defaults are applied first,
/// then every key present in settings overrides them, then the app's configure callback runs.
/// Property names are the settings contract: keep them.
/// </summary>
public sealed class OidcProviderOptions : RemoteAuthenticationOptions
{
    public OidcProviderOptions()
    {
        Events = new OidcEvents();
        // Tokens are kept by the SignInScheme (the web app stores them server-side through a SessionStore).
        SaveTokens = true;
        // A provider that does not answer (token endpoint, discovery, JWKS, userinfo) fails the sign-in with a clear
        // error after this long, instead of holding the reader for ASP.NET's default minute. Setting: BackchannelTimeout.
        BackchannelTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>The scheme name and the key under <c>Providers</c>, e.g. <c>pliro</c>.</summary>
    public string Key { get; set; } = "";

    public OidcProviderType Type { get; set; } = OidcProviderType.Generic;

    /// <summary>Shown on the login chooser.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The provider's issuer identifier; compared exactly with discovery and the ID token's <c>iss</c>.</summary>
    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Requested scopes; <c>openid</c> is required.</summary>
    public IList<string> Scopes { get; set; } = ["openid"];

    public OidcClientAuthenticationMethod TokenEndpointAuthMethod { get; set; } = OidcClientAuthenticationMethod.ClientSecretBasic;

    /// <summary>PKCE S256 (RFC 7636). On by default: harmless where not supported, required by Subrite.</summary>
    public bool UsePkce { get; set; } = true;

    /// <summary>
    /// Whether the discovery document is read (settings: <c>Discovery</c> = Required | IfAvailable | Off, or
    /// <c>UseDiscovery</c> = true | false). Whatever it says, an endpoint or key set explicitly below wins over it, and
    /// the Type's documented defaults fill what neither gives.
    /// </summary>
    public OidcDiscovery Discovery { get; set; } = OidcDiscovery.Required;

    /// <summary>Defaults to <c>{Issuer}/.well-known/openid-configuration</c>. Subrite documents neither its issuer nor
    /// a discovery location: set both from what Subrite tells you (docs/providers/subrite.md).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Discovery and JWKS must be fetched over https unless this is turned off (local development).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Names the relying party's cookies with the browser-enforced prefixes (RFC 6265bis §4.1.3): <c>__Host-</c> for
    /// the site-wide journey index, <c>__Secure-</c> for the cookies scoped to the callback paths, all of them Secure,
    /// so neither a sibling subdomain nor a plain-http page can plant one. For https sites (the web app turns it on in
    /// Production).
    /// </summary>
    public bool PrefixedCookieNames { get; set; }

    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInfoEndpoint { get; set; }
    public string? EndSessionEndpoint { get; set; }
    public string? JwksUri { get; set; }

    /// <summary>PEM public keys (SubjectPublicKeyInfo, RSA or EC), trusted with or without discovery. Pliro's example
    /// integration configures its ES256 key this way (docs/providers/pliro.md).</summary>
    public IList<string> SigningKeysPem { get; set; } = [];

    public IList<string> AllowedSigningAlgorithms { get; set; } = [.. OidcDefaults.SigningAlgorithms];

    /// <summary>Claim names in the ID token and userinfo whose values are plan keys.</summary>
    public IList<string> PlanClaims { get; set; } = [];

    /// <summary>Call the userinfo endpoint after the code exchange (PixelPin: its profile lives there).</summary>
    public bool CallUserInfo { get; set; }

    /// <summary>Default <c>prompt</c>: none | login | consent | select_account. A challenge may override it.</summary>
    public string? Prompt { get; set; }

    /// <summary>Default <c>max_age</c>. A challenge may override it.</summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>Extra parameters added to every authorization request.</summary>
    public IDictionary<string, string> AuthorizeParameters { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Tolerance for clock differences when checking exp, iat, nbf and auth_time.</summary>
    public TimeSpan ClockSkew { get; set; } = OidcDefaults.ClockSkew;

    public OidcResponseMode ResponseMode { get; set; } = OidcResponseMode.Query;

    /// <summary>The site's public base URL (the web app sets it from <c>Portal:BaseUrl</c>).
    /// Null: the request's scheme and host are used.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where a failed sign-in is redirected unless the app's RemoteFailure event handles it.</summary>
    public string ErrorPath { get; set; } = OidcDefaults.ErrorPath;

    /// <summary>The provider answers <c>/signout-callback-{key}</c> after RP-initiated logout.</summary>
    public PathString SignedOutCallbackPath { get; set; }

    /// <summary>Where to go after sign-out when the caller gave no RedirectUri.</summary>
    public string SignedOutRedirectUri { get; set; } = "/";

    /// <summary>At most one forced JWKS re-fetch (unknown <c>kid</c>) per this interval, so a stream of bad
    /// tokens cannot turn us into a load generator against the provider.</summary>
    public TimeSpan SigningKeysRefreshMinimumInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long discovery and keys are cached before a normal refresh.</summary>
    public TimeSpan ConfigurationRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Whether a logout token must carry <c>sid</c> (Pliro always does). When false, a token with only
    /// <c>sub</c> ends every session of that subject. Setting: <c>LogoutTokenRequiresSessionId</c>.</summary>
    public bool LogoutTokenRequiresSessionId { get; set; } = true;

    /// <summary>Back-channel logout tokens older than this are refused (Pliro: about five minutes, docs/providers/pliro.md).</summary>
    public TimeSpan LogoutTokenMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Protects <c>state</c> on the way out and back.</summary>
    public ISecureDataFormat<AuthenticationProperties> StateDataFormat { get; set; } = null!;

    /// <summary>Protects the sign-out <c>state</c>; a different purpose so neither can stand in for the other.</summary>
    public ISecureDataFormat<AuthenticationProperties> SignOutStateDataFormat { get; set; } = null!;

    public new OidcEvents Events
    {
        get => (OidcEvents)base.Events;
        set => base.Events = value;
    }

    /// <summary>Applies the defaults of a provider Type (scopes, client auth, plan claims, userinfo),
    /// as settings binding does before reading the other keys.</summary>
    public void UseTypeDefaults(OidcProviderType type) => OidcProviderProfiles.ApplyDefaults(type, this);

    /// <summary>The settings path used in validation messages, e.g. <c>Providers:pliro</c>.</summary>
    internal string SettingsPath { get; set; } = "";

    /// <summary>Values in settings that could not be read; reported at start-up by the validator.</summary>
    internal List<string> SettingErrors { get; } = [];
}
