using Microsoft.Extensions.Options;
using PublisherPortal.DevProviders.Hosting;

namespace PublisherPortal.DevProviders.Pages;

/// <summary>
/// Where the stand-ins' site pages may send the reader back to (<c>continue_url</c>, <c>onCheckoutCompletedUrl</c>,
/// <c>callBackUrl</c>). The real providers allow-list the publication's hosts (docs/providers/pliro.md, shop pages);
/// anything else would make the stand-in an open redirector.
/// </summary>
internal sealed class ReturnUrlAllowList
{
    private readonly HashSet<string> _authorities = new(StringComparer.OrdinalIgnoreCase);

    public ReturnUrlAllowList(IOptions<DevProvidersOptions> options)
    {
        if (Uri.TryCreate(options.Value.BaseUrl, UriKind.Absolute, out var portal))
        {
            _authorities.Add(portal.Authority);
        }

        foreach (var host in options.Value.AllowedReturnHosts)
        {
            _authorities.Add(host.Trim());
        }
    }

    public bool IsAllowed(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrEmpty(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        // Authority omits default ports; also accept a bare host entry for any port.
        if (_authorities.Contains(parsed.Authority) || _authorities.Contains(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        return false;
    }
}
