using System.Net;
using System.Xml.Linq;
using PublisherPortal.Articles;

using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Feeds;

[Collection(PortalCollection.Name)]
public sealed class FeedTests(DemoSite portal)
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _reader = portal.CreateReader();

    [Fact]
    public async Task Rss_lists_the_newest_stories_with_full_text_only_for_public_ones()
    {
        var response = await _reader.GetAsync("/rss.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        var items = XDocument.Parse(xml).Descendants("item").ToList();

        var expected = portal.Live().Take(30).ToList();
        Assert.Equal(expected.Select(a => $"{PortalFactory.BaseUrl}/articles/{a.Slug}"), items.Select(i => (string?)i.Element("link")));
        foreach (var (item, article) in items.Zip(expected))
        {
            Assert.Equal(article.Summary, (string?)item.Element("description"));
            Assert.Equal(article.AccessLevel == AccessLevel.Public, item.Element(Content + "encoded") is not null);
        }

        Assert.Contains(expected, a => a.AccessLevel != AccessLevel.Public);
        foreach (var sentence in portal.Demo.GatedSentences.Values)
        {
            Assert.DoesNotContain(sentence, xml);
        }
    }

    [Fact]
    public async Task Sitemap_lists_every_live_story_and_nothing_unpublished()
    {
        var xml = await _reader.GetStringAsync("/sitemap.xml");
        var locations = XDocument.Parse(xml).Descendants(Sitemap + "loc").Select(l => l.Value).ToHashSet();

        foreach (var article in portal.Live())
        {
            Assert.Contains($"{PortalFactory.BaseUrl}/articles/{article.Slug}", locations);
        }

        foreach (var article in portal.Hidden())
        {
            Assert.DoesNotContain($"{PortalFactory.BaseUrl}/articles/{article.Slug}", locations);
        }

        Assert.Contains($"{PortalFactory.BaseUrl}/sections/{portal.Demo.Sections[0].Slug}", locations);
        foreach (var sentence in portal.Demo.GatedSentences.Values)
        {
            Assert.DoesNotContain(sentence, xml);
        }
    }

    [Fact]
    public async Task Robots_points_crawlers_at_the_sitemap_and_away_from_accounts()
    {
        var robots = await _reader.GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {PortalFactory.BaseUrl}/sitemap.xml", robots);
        Assert.Contains("Disallow: /account", robots);
        Assert.Contains("Disallow: /dev/", robots);
    }
}
