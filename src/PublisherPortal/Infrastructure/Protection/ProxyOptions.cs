namespace PublisherPortal.Infrastructure.Protection;

/// <summary>
/// The reverse proxy in front of the site (section <c>Proxy</c>). Only a request arriving from one of these addresses
/// may say, in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, who the client is and whether it used https; from
/// anyone else those headers are ignored. None configured: the headers are never honoured.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c> or <c>127.0.0.1</c> for nginx on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
