namespace PublisherPortal.Oidc;

/// <summary>How the client authenticates at the token endpoint (OIDC Core 1.0 §9).</summary>
public enum OidcClientAuthenticationMethod
{
    /// <summary><c>client_secret_basic</c>: HTTP Basic (RFC 6749 §2.3.1). Pliro requires it.</summary>
    ClientSecretBasic,

    /// <summary><c>client_secret_post</c>: credentials in the form body. Subrite, PixelPin and PiPA use it.</summary>
    ClientSecretPost,
}
