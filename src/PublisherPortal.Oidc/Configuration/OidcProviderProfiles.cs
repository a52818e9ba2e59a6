namespace PublisherPortal.Oidc;

/// <summary>Per-Type defaults, from ../shared/PROVIDERS.md ("Side by side"). Settings override each of them.</summary>
internal static class OidcProviderProfiles
{
    public static void ApplyDefaults(OidcProviderType type, OidcProviderOptions options)
    {
        options.Type = type;
        options.UsePkce = true;
        options.UseDiscovery = true;
        switch (type)
        {
            case OidcProviderType.Pliro:
                // `profile` carries the name and the subscription plan; Basic client auth; ES256; no refresh token.
                options.Scopes = ["openid", "email", "profile"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretBasic;
                options.PlanClaims = ["plan", "plan_slugs"];
                options.CallUserInfo = false;
                break;
            case OidcProviderType.Subrite:
                // PKCE S256 required; offline_access for the refresh token; plans come from the member API.
                options.Scopes = ["openid", "offline_access"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost;
                options.PlanClaims = [];
                options.CallUserInfo = false;
                break;
            case OidcProviderType.PixelPin:
                // The profile lives at userinfo; no plans: a PixelPin reader is a registered reader.
                options.Scopes = ["openid", "email", "profile"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost;
                options.PlanClaims = [];
                options.CallUserInfo = true;
                break;
            case OidcProviderType.PiPA:
                // A "tested subset" of OIDC: endpoints, keys and plan claim come from settings.
                options.Scopes = ["openid", "email"];
                options.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost;
                options.PlanClaims = [];
                options.CallUserInfo = false;
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
}
