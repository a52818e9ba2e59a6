using PublisherPortal.Caching;

namespace PublisherPortal.Feeds;

public static class FeedEndpoints
{
    /// <summary>Feeds are rendered for an anonymous reader whoever asks, so every anonymous fetch gets the same bytes.</summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rss.xml", (RssFeed feed, CancellationToken ct) => feed.WriteAsync(ct))
            .WithMetadata(new CachedForAnonymousReadersAttribute());
        endpoints.MapGet("/sitemap.xml", (SitemapFeed sitemap, CancellationToken ct) => sitemap.WriteAsync(ct))
            .WithMetadata(new CachedForAnonymousReadersAttribute());
        endpoints.MapGet("/robots.txt", (RobotsFile robots) => robots.Write())
            .WithMetadata(new CachedForAnonymousReadersAttribute());
        return endpoints;
    }
}
