namespace PublisherPortal.Oidc;

/// <summary>Whether endpoints and keys are read from the provider's discovery document (OpenID Connect Discovery 1.0).</summary>
public enum OidcDiscovery
{
    /// <summary>The document must load, and name exactly the configured issuer; sign-in fails until it does.</summary>
    Required,

    /// <summary>Used when it loads; otherwise endpoints and keys come from settings and the Type's documented defaults
    /// (Pliro: its documents promise no discovery document, though one may exist).</summary>
    IfAvailable,

    /// <summary>Never fetched (PiPA documents none): endpoints and keys come from settings and Type defaults only.</summary>
    Off,
}
