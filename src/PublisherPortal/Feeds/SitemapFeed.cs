using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Articles;
using PublisherPortal.Caching;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Feeds;

/// <summary>sitemap.xml: URLs and modification times only, so gated articles are listed without any of their text.</summary>
public sealed class SitemapFeed(ArticleQueries articles, ScheduledStories schedule, PortalDbContext db, IOptions<PortalOptions> portal)
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /// <summary>The sitemap protocol's per-file limit.</summary>
    public const int MaxUrls = 50_000;

    public async Task<IResult> WriteAsync(CancellationToken cancellationToken)
    {
        var options = portal.Value;
        // Every story and every section, tag and author is listed: any change, or the next story going live, redoes it.
        ContentReads.ValidUntil(await schedule.NextGoLiveAsync(ContentTags.LatestList, cancellationToken));
        ContentReads.Record(ContentTags.Sitemap);
        var stories = await articles.Live()
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Slug, a.UpdatedAt })
            .Take(MaxUrls - 1000)
            .ToListAsync(cancellationToken);
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).Select(s => s.Slug).ToListAsync(cancellationToken);
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Slug).Select(t => t.Slug).Take(500).ToListAsync(cancellationToken);
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Slug).Select(a => a.Slug).Take(500).ToListAsync(cancellationToken);

        var buffer = new StringBuilder();
        await using (var writer = XmlWriter.Create(new StringWriterUtf8(buffer), new XmlWriterSettings { Async = true, Indent = true }))
        {
            await writer.WriteStartDocumentAsync();
            writer.WriteStartElement("urlset", Namespace);
            Url(writer, options.AbsoluteUrl("/"), null);
            foreach (var slug in sections)
            {
                Url(writer, options.AbsoluteUrl($"/sections/{slug}"), null);
            }

            foreach (var story in stories)
            {
                Url(writer, options.AbsoluteUrl($"/articles/{story.Slug}"), story.UpdatedAt);
            }

            foreach (var slug in tags)
            {
                Url(writer, options.AbsoluteUrl($"/tags/{slug}"), null);
            }

            foreach (var slug in authors)
            {
                Url(writer, options.AbsoluteUrl($"/authors/{slug}"), null);
            }

            writer.WriteEndElement();
            await writer.WriteEndDocumentAsync();
        }

        return Results.Text(buffer.ToString(), "application/xml; charset=utf-8");
    }

    private static void Url(XmlWriter writer, string location, DateTime? modified)
    {
        writer.WriteStartElement("url", Namespace);
        writer.WriteElementString("loc", Namespace, location);
        if (modified is { } m)
        {
            writer.WriteElementString("lastmod", Namespace, m.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        }

        writer.WriteEndElement();
    }
}
