using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Infrastructure;
using PublisherPortal.Paywall;

namespace PublisherPortal.Feeds;

/// <summary>
/// RSS 2.0 of the newest stories. Feeds are fetched without cookies and cached by aggregators, so the feed is always
/// rendered for an anonymous reader: full text (content:encoded) only where the access decision says Full for them.
/// </summary>
public sealed class RssFeed(ArticleQueries articles, ArticleBodyRenderer renderer, IOptions<PortalOptions> portal)
{
    public const int ItemCount = 30;

    public async Task<IResult> WriteAsync(CancellationToken cancellationToken)
    {
        var page = await articles.LatestAsync(null, ItemCount, cancellationToken);
        var bodies = await articles.BodiesAsync(
            page.Items.Where(a => ArticleAccessPolicy.Decide(a.Access, Reader.Anonymous).IsFull).Select(a => a.Id).ToArray(), cancellationToken);
        var options = portal.Value;

        var buffer = new StringBuilder();
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = Encoding.UTF8 };
        await using (var writer = XmlWriter.Create(new StringWriterUtf8(buffer), settings))
        {
            await writer.WriteStartDocumentAsync();
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "content", null, "http://purl.org/rss/1.0/modules/content/");
            writer.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", options.PublicationName);
            writer.WriteElementString("link", options.AbsoluteUrl("/"));
            writer.WriteElementString("description", options.PublicationDescription);
            writer.WriteElementString("language", "en");
            writer.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("href", options.AbsoluteUrl("/rss.xml"));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            if (page.Items.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", page.Items.Max(a => a.UpdatedAt).ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var item in page.Items)
            {
                var url = options.AbsoluteUrl($"/articles/{item.Slug}");
                writer.WriteStartElement("item");
                writer.WriteElementString("title", item.Title);
                writer.WriteElementString("link", url);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(url);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", item.PublishedAt.ToString("R", CultureInfo.InvariantCulture));
                writer.WriteElementString("category", item.SectionName);
                foreach (var author in item.Authors)
                {
                    writer.WriteElementString("dc", "creator", "http://purl.org/dc/elements/1.1/", author.Name);
                }

                writer.WriteElementString("description", item.Summary);
                if (bodies.TryGetValue(item.Id, out var body))
                {
                    writer.WriteStartElement("content", "encoded", "http://purl.org/rss/1.0/modules/content/");
                    writer.WriteCData(renderer.RenderFull(item.Id, body.Version, body.Markdown));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            await writer.WriteEndDocumentAsync();
        }

        return Results.Text(buffer.ToString(), "application/rss+xml; charset=utf-8");
    }
}
