using PublisherPortal.Articles;
using System.Net;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Caching;

/// <summary>
/// Anonymous pages from memory (docs/caching.md): the same bytes for every anonymous reader with no database round
/// trip, keyed by path and the page's own query parameters, with caching headers browsers and CDNs obey; and never a
/// signed-in reader's page, looked up or stored.
/// </summary>
public sealed class AnonymousPageCacheTests(CachingPortal portal) : IClassFixture<CachingPortal>
{
    private Article Gated(string tier) => portal.LiveGated().First(a => a.MinimumTier?.Slug == tier);

    /// <summary>A tag or author page no other test here touches, so each test starts with it out of memory.</summary>
    private string Untouched(int n)
    {
        var newest = portal.Live()[0];
        var tags = portal.Live().SelectMany(a => a.Tags).Select(t => "/tags/" + t.Tag.Slug)
            .Concat(portal.Live().SelectMany(a => a.Authors).Select(x => "/authors/" + x.Author.Slug))
            .Distinct()
            .Except([$"/tags/{newest.Tags[0].Tag.Slug}", $"/authors/{newest.Authors[0].Author.Slug}"]);
        return tags.ElementAt(n);
    }

    private IEnumerable<string> Pages()
    {
        var newest = portal.Live()[0];
        return
        [
            "/", "/latest", $"/sections/{newest.Section.Slug}", $"/tags/{newest.Tags[0].Tag.Slug}", $"/authors/{newest.Authors[0].Author.Slug}",
            $"/articles/{portal.LivePublic().Slug}", $"/articles/{Gated("premium").Slug}", "/rss.xml", "/sitemap.xml", "/robots.txt",
            "/search?q=harbour",
        ];
    }

    [Fact]
    public async Task A_second_anonymous_reader_gets_the_same_bytes_from_memory_with_no_database_round_trip()
    {
        foreach (var path in Pages())
        {
            var first = await portal.CreateReader().GetAsync(path);
            var firstBody = await first.Content.ReadAsByteArrayAsync();
            portal.Queries.Reset();

            var second = await portal.CreateReader().GetAsync(path);

            Assert.True(portal.Queries.Count == 0, $"{path} went to the database:\n{string.Join("\n", portal.Queries.Commands)}");
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(firstBody, await second.Content.ReadAsByteArrayAsync());
            Assert.Equal(first.Headers.ETag, second.Headers.ETag);
            Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
            foreach (var header in new[] { "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Cache-Control", "Vary" })
            {
                Assert.Equal(first.Headers.GetValues(header), second.Headers.GetValues(header));
            }
        }
    }

    [Fact]
    public async Task Browsers_and_cdns_may_keep_an_anonymous_page_but_must_ask_before_each_use_and_asking_is_cheap()
    {
        var path = $"/articles/{portal.LivePublic().Slug}";
        var page = await portal.CreateReader().GetAsync(path);
        Assert.True(page.Headers.CacheControl?.NoCache, "an anonymous page must be revalidated before every use");
        Assert.False(page.Headers.CacheControl?.Private);
        Assert.Contains("Cookie", page.Headers.Vary);
        Assert.NotNull(page.Headers.ETag);

        var ask = new HttpRequestMessage(HttpMethod.Get, path);
        ask.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        var notModified = await portal.CreateReader().SendAsync(ask);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_key_ignores_the_host_and_parameters_the_page_does_not_read_but_not_the_ones_it_does()
    {
        var reader = portal.CreateReader();
        var section = "/latest";
        var page = await reader.GetAsync(section);
        var next = Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        await reader.GetAsync(next);
        portal.Queries.Reset();

        var otherHost = new HttpRequestMessage(HttpMethod.Get, section);
        otherHost.Headers.Host = "other.example";
        var fromOtherHost = await reader.SendAsync(otherHost);
        var withCampaign = await reader.GetAsync(section + "?utm_source=newsletter&utm_medium=email");
        var olderPage = await reader.GetAsync(next);

        Assert.Equal(0, portal.Queries.Count);
        Assert.Equal(page.Headers.ETag, fromOtherHost.Headers.ETag);
        Assert.Equal(page.Headers.ETag, withCampaign.Headers.ETag);
        Assert.NotEqual(page.Headers.ETag, olderPage.Headers.ETag);
    }

    [Fact]
    public async Task A_return_from_checkout_goes_past_the_cache_to_the_middleware_that_acts_on_it()
    {
        var path = $"/articles/{Gated("plus").Slug}";
        await portal.CreateReader().GetAsync(path);

        var returned = await portal.CreateReader().GetAsync(path + "?portal_refresh=1");

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(path, returned.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Head_is_answered_from_memory_without_a_body_and_a_head_first_stores_the_whole_page()
    {
        var path = Untouched(0);
        var head = await portal.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        portal.Queries.Reset();

        var get = await portal.CreateReader().GetAsync(path);
        var again = await portal.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(0, portal.Queries.Count);
        Assert.Contains("class=\"page-heading\"", await get.Content.ReadAsStringAsync());
        Assert.Equal(get.Content.Headers.ContentLength, (await get.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(get.Content.Headers.ContentLength, again.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/articles/no-such-story")]
    [InlineData("/sections/no-such-section")]
    public async Task A_missing_page_keeps_its_404_and_its_body_every_time_and_is_not_kept(string path)
    {
        for (var i = 0; i < 2; i++)
        {
            var (response, _, document) = await portal.CreateReader().GetPageAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotNull(document.QuerySelector(".status-page h1"));
            Assert.Null(response.Headers.ETag);
        }

        Assert.False(portal.IsCached(path));
    }

    [Fact]
    public async Task A_signed_in_reader_is_never_served_the_anonymous_page()
    {
        var story = Gated("premium");
        var path = $"/articles/{story.Slug}";
        var anonymous = await portal.CreateReader().GetStringAsync(path);
        Assert.DoesNotContain(portal.Demo.GatedSentences[story.Slug], anonymous);
        Assert.True(portal.IsCached(path));

        var premium = await portal.SignInAsync("pliro", "cus_cache_premium", plan: "premium");
        var response = await premium.GetAsync(path);
        var (body, document) = (await response.Content.ReadAsStringAsync(), Html.Parse(await response.Content.ReadAsStringAsync()));

        Assert.Contains(portal.Demo.GatedSentences[story.Slug], body);
        Assert.NotNull(document.QuerySelector(".masthead__reader"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task A_signed_in_readers_search_is_never_the_anonymous_one_from_memory()
    {
        var story = portal.LiveGated().Where(a => a.MinimumTier?.Slug == "premium").Skip(1).First();
        var reference = System.Text.RegularExpressions.Regex.Match(portal.Demo.GatedSentences[story.Slug], @"HG-\S+").Value.TrimEnd(',', '.');
        var path = "/search?q=" + Uri.EscapeDataString(reference);
        Assert.DoesNotContain($"/articles/{story.Slug}", await portal.CreateReader().GetStringAsync(path));
        portal.Queries.Reset();
        await portal.CreateReader().GetStringAsync(path);
        Assert.Equal(0, portal.Queries.Count);

        var premium = await portal.SignInAsync("pliro", "cus_cache_search", plan: "premium");

        Assert.Contains($"/articles/{story.Slug}", await premium.GetStringAsync(path));
    }

    [Fact]
    public async Task A_signed_in_readers_page_is_never_kept_for_the_next_anonymous_reader()
    {
        var story = portal.LiveGated().Where(a => a.MinimumTier?.Slug == "plus").Skip(1).First();
        var path = $"/articles/{story.Slug}";
        var premium = await portal.SignInAsync("pliro", "cus_cache_first", plan: "premium");
        Assert.Contains(portal.Demo.GatedSentences[story.Slug], await premium.GetStringAsync(path));
        Assert.False(portal.IsCached(path));

        var (_, body, document) = await portal.CreateReader().GetPageAsync(path);

        Assert.DoesNotContain(portal.Demo.GatedSentences[story.Slug], body);
        Assert.Null(document.QuerySelector(".masthead__reader"));
        Assert.Equal(nameof(TeaserReason.Anonymous), document.QuerySelector(".paywall")?.GetAttribute("data-reason"));
    }

    [Fact]
    public async Task A_page_rendered_for_a_reader_signed_in_without_a_session_cookie_is_not_kept()
    {
        var path = Untouched(1);
        var signedIn = new HttpRequestMessage(HttpMethod.Get, path);
        signedIn.Headers.Add(CachingPortal.OtherReaderHeader, "Ottilie Other");
        var theirs = await portal.CreateReader().SendAsync(signedIn);
        Assert.Contains("Ottilie Other", await theirs.Content.ReadAsStringAsync());

        var anonymous = await portal.CreateReader().GetStringAsync(path);

        Assert.DoesNotContain("Ottilie Other", anonymous);
    }

    [Fact]
    public async Task A_page_that_sets_a_cookie_is_not_kept_so_its_cookie_is_never_handed_to_others()
    {
        var path = Untouched(2);
        var setting = new HttpRequestMessage(HttpMethod.Get, path);
        setting.Headers.Add(CachingPortal.SetCookieHeader, "for-one-reader-only");
        var first = await portal.CreateReader().SendAsync(setting);
        Assert.True(first.Headers.Contains("Set-Cookie"));

        var next = await portal.CreateReader().GetAsync(path);

        Assert.False(next.Headers.Contains("Set-Cookie"), "a stored page replayed another reader's cookie");
    }

    [Fact]
    public async Task A_signed_in_readers_feed_is_rendered_for_them_not_taken_from_memory()
    {
        await portal.CreateReader().GetAsync("/rss.xml");
        var reader = await portal.SignInAsync("pliro", "cus_cache_rss");

        var feed = await reader.GetAsync("/rss.xml");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Null(feed.Headers.ETag);
    }
}
