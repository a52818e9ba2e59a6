using PublisherPortal.Articles;

using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Paywall;

/// <summary>Metered access: a few subscriber stories a month for signed-in readers without the plan.</summary>
public sealed class MeteredAccessTests : IDisposable
{
    private readonly PortalFactory _portal = new(PortalSetup.Offline
        .With("Metering:FreeArticlesPerMonth", "2")
        .With("Portal:Admins:0", "admin@gazette.test"));

    private List<Article> Premium => _portal.LiveGated().Where(a => a.AccessLevel == AccessLevel.Tier).Take(4).ToList();

    private async Task<bool> ReadsInFullAsync(HttpClient reader, Article article) =>
        (await reader.GetStringAsync($"/articles/{article.Slug}")).Contains(_portal.Demo.GatedSentences[article.Slug], StringComparison.Ordinal);

    [Fact]
    public async Task A_signed_in_reader_without_the_plan_reads_the_monthly_allowance_in_full_and_then_meets_the_paywall()
    {
        var reader = await _portal.SignInAsync("pliro", "cus_meter");
        var (first, second, third) = (Premium[0], Premium[1], Premium[2]);

        Assert.True(await ReadsInFullAsync(reader, first));
        var (_, body, _) = await reader.GetPageAsync($"/articles/{second.Slug}");
        Assert.Contains(_portal.Demo.GatedSentences[second.Slug], body);
        Assert.Contains("it was your last one", body);

        var (_, paywalled, document) = await reader.GetPageAsync($"/articles/{third.Slug}");
        Assert.DoesNotContain(_portal.Demo.GatedSentences[third.Slug], paywalled);
        Assert.Contains("this month's free subscriber stories", document.QuerySelector(".paywall")!.TextContent);

        Assert.True(await ReadsInFullAsync(reader, first)); // re-reading costs nothing

        // A new month, a new allowance. The meter belongs to the reader, not the session: sign in again after the jump.
        var now = _portal.Clock.GetUtcNow();
        _portal.Clock.SetUtcNow(new DateTimeOffset(now.Year, now.Month, 1, 0, 1, 0, TimeSpan.Zero).AddMonths(1));
        reader = await _portal.SignInAsync("pliro", "cus_meter");
        Assert.True(await ReadsInFullAsync(reader, third));
    }

    [Fact]
    public async Task The_meter_opens_only_the_page_never_search_or_the_feed()
    {
        var reader = await _portal.SignInAsync("pliro", "cus_meter_2");
        var story = Premium[0];
        Assert.True(await ReadsInFullAsync(reader, story));

        var sentence = _portal.Demo.GatedSentences[story.Slug];
        Assert.DoesNotContain(story.Slug, await reader.GetStringAsync("/search?q=" + Uri.EscapeDataString(sentence)));
        Assert.DoesNotContain(sentence, await reader.GetStringAsync("/rss.xml"));
    }

    [Fact]
    public async Task Parallel_requests_for_different_stories_never_open_more_than_the_allowance()
    {
        var readers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _portal.SignInAsync("pliro", $"cus_race_{i}")));

        var opened = await Task.WhenAll(readers.Select(async reader =>
            (await Task.WhenAll(Premium.Select(story => Task.Run(() => ReadsInFullAsync(reader, story))))).Count(full => full)));

        Assert.All(opened, count => Assert.Equal(2, count));
    }

    [Fact]
    public async Task The_admins_explainer_tells_what_the_meter_will_do_without_spending_it()
    {
        var reader = await _portal.SignInAsync("pliro", "cus_explained_meter", email: "meter@example.com");
        var admin = await _portal.SignInAsync("pliro", "cus_meter_admin", email: "admin@gazette.test", emailVerified: true);
        Assert.True(await ReadsInFullAsync(reader, Premium[0]));

        var (_, _, page) = await admin.GetPageAsync($"/admin/readers?q=meter%40example.com&article=%2Farticles%2F{Premium[1].Slug}");
        Assert.Contains("on the monthly meter", page.QuerySelector(".explanation__decision")!.TextContent);

        Assert.True(await ReadsInFullAsync(reader, Premium[1])); // the explainer spent nothing: the reader still had it
        Assert.False(await ReadsInFullAsync(reader, Premium[2]));
        var (_, _, exhausted) = await admin.GetPageAsync($"/admin/readers?q=meter%40example.com&article=%2Farticles%2F{Premium[2].Slug}");
        Assert.Contains("Teaser", exhausted.QuerySelector(".explanation__decision")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_readers_are_never_metered()
    {
        var anonymous = _portal.CreateReader();
        Assert.False(await ReadsInFullAsync(anonymous, Premium[0]));
    }

    public void Dispose() => _portal.Dispose();
}
