namespace PublisherPortal.Feeds;

public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rss.xml", (RssFeed feed, CancellationToken ct) => feed.WriteAsync(ct));
        endpoints.MapGet("/sitemap.xml", (SitemapFeed sitemap, CancellationToken ct) => sitemap.WriteAsync(ct));
        endpoints.MapGet("/robots.txt", (RobotsFile robots) => robots.Write());
        return endpoints;
    }
}
