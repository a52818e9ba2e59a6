using System.Net;
using System.Text.Json;
using PublisherPortal.Articles;

using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Articles;

[Collection(PortalCollection.Name)]
public sealed class ReaderPagesTests(DemoSite portal)
{
    private readonly HttpClient _reader = portal.CreateReader();

    [Fact]
    public async Task Home_page_leads_with_the_newest_story_and_shows_every_section()
    {
        var (response, _, document) = await _reader.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = document.QuerySelector(".front__lead .card__title a");
        Assert.NotNull(lead);
        Assert.Equal(portal.Live()[0].Title, lead.TextContent.Trim());
        var sectionHeadings = document.QuerySelectorAll(".front__section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(portal.Demo.Sections.OrderBy(s => s.Position).Select(s => s.Name), sectionHeadings);
        Assert.Equal(PortalFactory.BaseUrl + "/", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Drafts_and_scheduled_stories_are_nowhere_to_be_seen()
    {
        var hidden = portal.Hidden();
        Assert.NotEmpty(hidden);
        var home = await _reader.GetStringAsync("/");
        var latest = await _reader.GetStringAsync("/latest");
        var rss = await _reader.GetStringAsync("/rss.xml");
        var sitemap = await _reader.GetStringAsync("/sitemap.xml");
        foreach (var article in hidden)
        {
            Assert.DoesNotContain(article.Slug, home);
            Assert.DoesNotContain(article.Slug, latest);
            Assert.DoesNotContain(article.Slug, rss);
            Assert.DoesNotContain(article.Slug, sitemap);
            Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync($"/articles/{article.Slug}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_public_article_shows_its_whole_body_with_canonical_and_social_meta()
    {
        var article = portal.LivePublic();
        var (response, body, document) = await _reader.GetPageAsync($"/articles/{article.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(article.Title, document.QuerySelector("h1.story__title")?.TextContent.Trim());
        var lastParagraph = article.Body.Split("\n\n").Last(p => !p.StartsWith('#') && !p.StartsWith('>') && !p.StartsWith('-') && !p.Contains('['));
        Assert.Contains(WebUtility.HtmlEncode(lastParagraph.Trim()).Replace("&#39;", "'"), body.Replace("&#39;", "'").Replace("&#x27;", "'"));
        Assert.Null(document.QuerySelector(".paywall"));
        var url = $"{PortalFactory.BaseUrl}/articles/{article.Slug}";
        Assert.Equal(url, document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(url, document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.NotNull(document.QuerySelector("meta[name='twitter:card']"));

        using var jsonLd = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("NewsArticle", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal(article.Title, jsonLd.RootElement.GetProperty("headline").GetString());
        Assert.True(jsonLd.RootElement.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.False(jsonLd.RootElement.TryGetProperty("hasPart", out _));
    }

    [Fact]
    public async Task A_gated_article_shows_a_teaser_and_a_paywall_marked_up_for_search_engines()
    {
        var article = portal.LiveGated().First(a => a.AccessLevel == AccessLevel.Tier);
        var (response, body, document) = await _reader.GetPageAsync($"/articles/{article.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(article.FirstParagraph()).Replace("&#39;", "'"), body.Replace("&#39;", "'").Replace("&#x27;", "'"));
        Assert.DoesNotContain(portal.Demo.GatedSentences[article.Slug], body);
        var paywall = document.QuerySelector(".paywall.paywalled-content");
        Assert.NotNull(paywall);
        Assert.Contains("/account/login?returnUrl=", paywall.InnerHtml);

        using var jsonLd = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(jsonLd.RootElement.GetProperty("isAccessibleForFree").GetBoolean());
        var part = jsonLd.RootElement.GetProperty("hasPart");
        Assert.False(part.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.Equal(".paywalled-content", part.GetProperty("cssSelector").GetString());
    }

    [Fact]
    public async Task No_gated_sentence_reaches_an_anonymous_reader_on_any_article_page()
    {
        var gated = portal.LiveGated();
        Assert.True(gated.Count >= 10, $"the demo should have plenty of gated stories, has {gated.Count}");
        foreach (var article in gated)
        {
            var body = await _reader.GetStringAsync($"/articles/{article.Slug}");
            Assert.DoesNotContain(portal.Demo.GatedSentences[article.Slug], body);
        }
    }

    [Theory]
    [InlineData("/articles/no-such-story")]
    [InlineData("/sections/no-such-section")]
    [InlineData("/tags/no-such-tag")]
    [InlineData("/authors/no-such-author")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_answer_404_with_a_readable_page(string path)
    {
        var (response, _, document) = await _reader.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("couldn't find", document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(document.QuerySelector("nav[aria-label=Sections]"));
    }

    [Theory]
    [InlineData("/latest?after=garbage")]
    [InlineData("/sections/news?after=%00%01")]
    [InlineData("/search?q=harbour&page=MTIz")]
    public async Task Malformed_page_cursors_answer_400_with_a_message(string path)
    {
        var (response, _, document) = await _reader.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid", document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Section_pages_walk_every_live_story_newest_first_without_repeats()
    {
        var section = portal.Demo.Sections.First();
        var expected = portal.Live().Where(a => a.Section == section).Select(a => a.Slug).ToList();
        var seen = await WalkListAsync($"/sections/{section.Slug}");
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Tag_and_author_pages_list_their_stories()
    {
        var tag = portal.Demo.Tags.OrderByDescending(t => portal.Live().Count(a => a.Tags.Any(x => x.Tag == t))).First();
        var byTag = portal.Live().Where(a => a.Tags.Any(x => x.Tag == tag)).Select(a => a.Slug).ToList();
        Assert.Equal(byTag, await WalkListAsync($"/tags/{tag.Slug}"));

        var author = portal.Demo.Authors.First();
        var byAuthor = portal.Live().Where(a => a.Authors.Any(x => x.Author == author)).Select(a => a.Slug).ToList();
        var (response, _, document) = await _reader.GetPageAsync($"/authors/{author.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(author.Name, document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(byAuthor, await WalkListAsync($"/authors/{author.Slug}"));
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/health/live")).StatusCode);
        var ready = await _reader.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await _reader.GetAsync("/");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private async Task<List<string>> WalkListAsync(string path)
    {
        var slugs = new List<string>();
        string? next = path;
        var pages = 0;
        while (next is not null)
        {
            var (response, _, document) = await _reader.GetPageAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            slugs.AddRange(document.QuerySelectorAll(".article-list .card__title a")
                .Select(a => a.GetAttribute("href")!.Replace("/articles/", "")));
            next = document.QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.True(++pages < 50, "pagination did not end");
        }

        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        return slugs;
    }
}
