using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Feeds;

/// <summary>robots.txt: crawl the journalism, not the account, admin, sign-in or stand-in provider pages.</summary>
public sealed class RobotsFile(IOptions<PortalOptions> portal)
{
    public IResult Write() => Results.Text(
        $"""
        User-agent: *
        Disallow: /account
        Disallow: /admin
        Disallow: /editor
        Disallow: /dev/
        Disallow: /search
        Allow: /

        Sitemap: {portal.Value.AbsoluteUrl("/sitemap.xml")}

        """,
        "text/plain; charset=utf-8");
}
