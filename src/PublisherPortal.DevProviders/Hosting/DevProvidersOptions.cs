namespace PublisherPortal.DevProviders.Hosting;

/// <summary>
/// Settings of the local stand-ins, bound from <c>DevProviders</c> (plus <c>Portal:BaseUrl</c>).
/// Every default is what a fresh clone needs; nothing here is a real secret.
/// </summary>
public sealed class DevProvidersOptions
{
    /// <summary><c>DevProviders:Enabled</c>; defaults to true in Development, false elsewhere.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>Portal:BaseUrl</c>, e.g. <c>http://localhost:5080</c>. Issuers and registered URIs are built from it.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// <c>DevProviders:AllowedReturnHosts</c>: extra hosts (host or host:port) that <c>continue_url</c>,
    /// <c>onCheckoutCompletedUrl</c> and <c>callBackUrl</c> may point to. The portal's own host is always allowed,
    /// as the real providers allow-list the publication's site.
    /// </summary>
    public List<string> AllowedReturnHosts { get; set; } = [];

    /// <summary><c>DevProviders:pliro:*</c>.</summary>
    public PliroStandInOptions Pliro { get; set; } = new();

    /// <summary><c>DevProviders:subrite:*</c>.</summary>
    public SubriteStandInOptions Subrite { get; set; } = new();

    /// <summary><c>DevProviders:pixelpin:*</c>.</summary>
    public PixelPinStandInOptions PixelPin { get; set; } = new();

    /// <summary><c>DevProviders:pipa:*</c>.</summary>
    public StandInClientOptions Pipa { get; set; } = new();

    /// <summary>The base URL without a trailing slash.</summary>
    internal string PortalBase => BaseUrl.TrimEnd('/');
}
