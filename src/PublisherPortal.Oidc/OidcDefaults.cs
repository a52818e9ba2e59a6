namespace PublisherPortal.Oidc;

/// <summary>Constants shared by registration, the handler and the web app.</summary>
public static class OidcDefaults
{
    /// <summary>The settings section that holds one child per provider.</summary>
    public const string ProvidersSectionName = "Providers";

    /// <summary>The redirect_uri is <c>{BaseUrl}/signin-{key}</c> (docs/providers/README.md).</summary>
    public const string CallbackPathPrefix = "/signin-";

    /// <summary>The post-logout redirect is <c>{BaseUrl}/signout-callback-{key}</c>.</summary>
    public const string SignOutCallbackPathPrefix = "/signout-callback-";

    /// <summary>Where failed sign-ins land unless the app's RemoteFailure event handles them.</summary>
    public const string ErrorPath = "/account/error";

    /// <summary>Default tolerance for clock differences between us and the provider.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Asymmetric JWS algorithms accepted unless settings narrow them. Never <c>none</c>, never HMAC:
    /// a confidential client could validate HMAC with its secret, but no provider here signs that way, and
    /// accepting it opens the "HMAC keyed with the public key" confusion.</summary>
    public static readonly IReadOnlyList<string> SigningAlgorithms =
    [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    ];

    /// <summary>Default path inside the Issuer where discovery lives (OpenID Connect Discovery 1.0 §4).</summary>
    public const string DiscoveryPath = "/.well-known/openid-configuration";
}
