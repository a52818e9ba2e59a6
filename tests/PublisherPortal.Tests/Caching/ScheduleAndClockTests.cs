using PublisherPortal.Articles;
using System.Net;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Caching;

/// <summary>What changes with no write at all: a scheduled story going live, and the masthead's date at midnight.</summary>
public sealed class ScheduleAndClockTests
{
    [Fact]
    public async Task A_scheduled_story_joins_every_list_when_its_time_comes_with_no_write()
    {
        await using var portal = new CachingPortal();
        EnsureAWhileBeforeMidnight(portal, TimeSpan.FromMinutes(15));
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var model = portal.Live().First(a => a.Section.Slug == "climate");
        var tag = model.Tags[0].Tag.Slug;
        var slug = "storm-surge-warning-for-the-old-docks";
        await portal.AddStoryAsync(async db => new Article
        {
            Title = "Storm surge warning for the Old Docks",
            Slug = slug,
            Summary = "Sandbags go out along the quay tonight.",
            Body = "The surge is expected at high tide.\n\nResidents are asked to move cars from the quay.",
            SectionId = db.Sections.Single(s => s.Slug == "climate").Id,
            Tags = [new() { TagId = db.Tags.Single(t => t.Slug == tag).Id }],
            Authors = [new() { AuthorId = db.Authors.Single(a => a.Slug == model.Authors[0].Author.Slug).Id }],
            Status = ArticleStatus.Scheduled,
            PublishedAt = now.AddMinutes(10),
            CreatedAt = now,
            UpdatedAt = now,
            AccessLevel = AccessLevel.Public,
        });
        await Task.CompletedTask;
        var lists = new[] { "/", "/latest", "/sections/climate", $"/tags/{tag}", $"/authors/{model.Authors[0].Author.Slug}", "/rss.xml", "/sitemap.xml" };
        var elsewhere = portal.Live().First(a => a.Section.Slug == "opinion");
        var untouched = new[] { "/sections/opinion", $"/articles/{elsewhere.Slug}" };
        foreach (var path in lists.Concat(untouched))
        {
            Assert.DoesNotContain(slug, await portal.CreateReader().GetStringAsync(path));
            Assert.True(portal.IsCached(path), $"{path} was not kept");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateReader().GetAsync($"/articles/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await portal.CreateReader().GetStringAsync("/search?q=sandbags"));

        portal.Clock.Advance(TimeSpan.FromMinutes(11));

        foreach (var path in lists)
        {
            Assert.Contains(slug, await portal.CreateReader().GetStringAsync(path));
        }

        Assert.Contains(slug, await portal.CreateReader().GetStringAsync("/search?q=sandbags"));
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync($"/articles/{slug}")).StatusCode);
        foreach (var path in untouched)
        {
            Assert.True(portal.IsCached(path), $"{path} does not list the story but was evicted");
        }
    }

    [Fact]
    public async Task A_kept_page_shows_the_new_date_from_midnight_and_feeds_without_a_date_stay()
    {
        await using var portal = new CachingPortal();
        var midnight = new DateTimeOffset(portal.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        portal.Clock.SetUtcNow(midnight.AddSeconds(-1));
        var before = await DateOnPageAsync(portal);
        await portal.CreateReader().GetAsync("/robots.txt");
        Assert.Equal(midnight.AddDays(-1).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), before);
        Assert.True(portal.IsCached("/latest"));

        portal.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(midnight.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), await DateOnPageAsync(portal));
        Assert.True(portal.IsCached("/robots.txt"));
    }

    private static async Task<string?> DateOnPageAsync(CachingPortal portal) =>
        Html.Parse(await portal.CreateReader().GetStringAsync("/latest")).QuerySelector(".masthead__date")?.TextContent;

    /// <summary>Moves the clock past midnight when the test's minutes would cross it, so only the schedule can expire a page.</summary>
    private static void EnsureAWhileBeforeMidnight(CachingPortal portal, TimeSpan span)
    {
        var now = portal.Clock.GetUtcNow();
        if (now.UtcDateTime.Date != (now + span).UtcDateTime.Date)
        {
            portal.Clock.Advance(span);
        }
    }
}
