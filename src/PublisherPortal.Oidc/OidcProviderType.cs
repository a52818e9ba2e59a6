namespace PublisherPortal.Oidc;

/// <summary>
/// The kind of provider behind a scheme. Each Type carries the defaults from
/// ../shared/PROVIDERS.md; every default can be overridden in settings.
/// </summary>
public enum OidcProviderType
{
    Generic,
    Pliro,
    Subrite,
    PixelPin,
    PiPA,
}
