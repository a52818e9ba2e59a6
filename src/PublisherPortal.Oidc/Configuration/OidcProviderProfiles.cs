namespace PublisherPortal.Oidc;

/// <summary>
/// What each provider Type's own documents say, as defaults (docs/providers/). Settings override every one of them;
/// endpoint defaults apply only where neither settings nor a discovery document name the endpoint.
/// </summary>
internal static class OidcProviderProfiles
{
    public static void ApplyDefaults(OidcProviderType type, OidcProviderOptions options)
    {
        options.Type = type;
        options.UsePkce = true;
        options.Discovery = OidcDiscovery.Required;
        switch (type)
        {
            case OidcProviderType.Pliro:
                // `profile` carries the name and the subscription plan; Basic client auth; ES256; no refresh token.
                // No discovery document is promised, one may exist: endpoints on the site URL and PEM keys otherwise.
                options.Scopes = ["openid", "email", "profile"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretBasic;
                options.PlanClaims = ["plan", "plan_slugs"];
                options.CallUserInfo = false;
                options.Discovery = OidcDiscovery.IfAvailable;
                break;
            case OidcProviderType.Subrite:
                // PKCE S256 required; offline_access for the refresh token; plans come from the member API.
                options.Scopes = ["openid", "offline_access"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost;
                options.PlanClaims = [];
                options.CallUserInfo = false;
                break;
            case OidcProviderType.PixelPin:
                // The profile lives at userinfo (documented fields: id, firstName, email); no plans.
                options.Scopes = ["openid", "email", "profile"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost;
                options.PlanClaims = [];
                options.CallUserInfo = true;
                break;
            case OidcProviderType.PiPA:
                // A "tested subset" of OIDC with no discovery document: keys and plan claim come from settings.
                options.Scopes = ["openid", "email"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost;
                options.PlanClaims = [];
                options.CallUserInfo = false;
                options.Discovery = OidcDiscovery.Off;
                break;
            default:
                // client_secret_basic is the default method in OIDC Core §9.
                options.Scopes = ["openid", "email", "profile"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretBasic;
                options.PlanClaims = [];
                options.CallUserInfo = false;
                break;
        }
    }

    /// <summary>The endpoints a Type's documents name, for the configured issuer.</summary>
    public static OidcDocumentedEndpoints DocumentedEndpoints(OidcProviderType type, string? issuer)
    {
        var site = issuer?.TrimEnd('/');
        return type switch
        {
            // Everything lives on the publication's Pliro site URL, which is the issuer (docs/providers/pliro.md).
            OidcProviderType.Pliro when !string.IsNullOrEmpty(site) => new(
                site + "/oauth/authorize", site + "/oauth/token", site + "/oauth/userinfo", site + "/oauth/end_session"),
            // PiPA's document gives these two absolute URLs and nothing else (docs/providers/pipa.md).
            OidcProviderType.PiPA => new("https://pipa.co/auth/authorize", "https://pipa.co/auth/token", null, null),
            _ => new(null, null, null, null),
        };
    }

    /// <summary>
    /// Whether a sign-in may take the reader's identity from userinfo when the token response has no ID token. Only
    /// PixelPin's documents describe that answer (access_token and expires_in, then userinfo); for any other Type a
    /// missing ID token is refused. The access token comes straight from the token endpoint, in exchange for a code
    /// and our client secret, so the userinfo it opens speaks for the provider.
    /// </summary>
    public static bool IdentityFromUserInfo(OidcProviderType type) => type == OidcProviderType.PixelPin;

    /// <summary>The userinfo member that identifies the reader when there is no <c>sub</c>: PixelPin documents
    /// <c>id</c>, a 64-bit number.</summary>
    public static string? UserInfoIdMember(OidcProviderType type) => type == OidcProviderType.PixelPin ? "id" : null;
}

/// <summary>Endpoints a provider's documents name; null where they name none.</summary>
internal sealed record OidcDocumentedEndpoints(string? Authorization, string? Token, string? UserInfo, string? EndSession);
