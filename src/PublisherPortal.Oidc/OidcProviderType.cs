namespace PublisherPortal.Oidc;

/// <summary>
/// The kind of provider behind a scheme. Each Type carries the defaults its provider's documents give
/// (docs/providers/); every default can be overridden in settings.
/// </summary>
public enum OidcProviderType
{
    Generic,
    Pliro,
    Subrite,
    PixelPin,
    PiPA,
}
