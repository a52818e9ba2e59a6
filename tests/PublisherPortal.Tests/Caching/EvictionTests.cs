using PublisherPortal.Articles;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Caching;

/// <summary>
/// Every kind of change evicts exactly what shows it, in the page memory and in the query results behind it: pages
/// showing the change are current on the next request, pages not showing it stay in memory. Each test has a site of
/// its own, warms the pages it looks at, then changes content as the newsroom and the admin screens do (write, then
/// <c>ContentChanges</c>).
/// </summary>
public sealed class EvictionTests
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    [Fact]
    public async Task Editing_a_story_evicts_its_page_and_every_list_showing_it_and_nothing_else()
    {
        await using var portal = new CachingPortal();
        var story = portal.Live()[0];
        var other = portal.Live().Last(a => a.Section != story.Section && a.AccessLevel == AccessLevel.Public);
        var showing = new[]
        {
            $"/articles/{story.Slug}", $"/sections/{story.Section.Slug}", $"/tags/{story.Tags[0].Tag.Slug}",
            $"/authors/{story.Authors[0].Author.Slug}", "/", "/latest", "/rss.xml",
        };
        var notShowing = new[] { $"/articles/{other.Slug}", $"/sections/{other.Section.Slug}" };
        await WarmAsync(portal, [.. showing, .. notShowing, "/sitemap.xml"]);

        await portal.EditStoryAsync(story.Slug, a => a.Title = "Swing bridge vote overturned at midnight sitting");

        foreach (var path in showing)
        {
            Assert.Contains("Swing bridge vote overturned at midnight sitting", await portal.CreateReader().GetStringAsync(path));
        }

        foreach (var path in notShowing)
        {
            Assert.True(portal.IsCached(path), $"{path} does not show the story but was evicted");
        }

        var lastModified = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        Assert.Contains(lastModified, await portal.CreateReader().GetStringAsync("/sitemap.xml"));
        Assert.Contains($"/articles/{story.Slug}", await SearchAsync(portal, "overturned midnight"));
    }

    [Fact]
    public async Task Publishing_a_story_evicts_the_lists_it_joins_and_not_the_others()
    {
        await using var portal = new CachingPortal();
        var sport = portal.Live().First(a => a.Section.Slug == "sport");
        var tag = sport.Tags[0].Tag.Slug;
        var author = sport.Authors[0].Author.Slug;
        var joins = new[] { "/sections/sport", $"/tags/{tag}", $"/authors/{author}", "/", "/latest", "/rss.xml", "/sitemap.xml" };
        var culture = portal.Live().First(a => a.Section.Slug == "culture");
        var unrelated = new[] { "/sections/culture", $"/articles/{culture.Slug}" };
        await WarmAsync(portal, [.. joins, .. unrelated, "/search?q=regatta"]);

        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await portal.AddStoryAsync(async db => new Article
        {
            Title = "Mariners win the winter regatta in a storm",
            Slug = "mariners-win-the-winter-regatta-in-a-storm",
            Summary = "A last-leg comeback on Fennick Bay.",
            Body = "The Mariners came from behind on the final leg.\n\nSpray and cheering filled the quay.",
            SectionId = await db.Sections.Where(s => s.Slug == "sport").Select(s => s.Id).SingleAsync(),
            Tags = [new() { TagId = await db.Tags.Where(t => t.Slug == tag).Select(t => t.Id).SingleAsync() }],
            Authors = [new() { AuthorId = await db.Authors.Where(a => a.Slug == author).Select(a => a.Id).SingleAsync() }],
            Status = ArticleStatus.Published,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            AccessLevel = AccessLevel.Public,
        });

        foreach (var path in joins)
        {
            Assert.Contains("mariners-win-the-winter-regatta-in-a-storm", await portal.CreateReader().GetStringAsync(path));
        }

        Assert.Contains("/articles/mariners-win-the-winter-regatta-in-a-storm", await SearchAsync(portal, "regatta"));
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/articles/mariners-win-the-winter-regatta-in-a-storm")).StatusCode);
        foreach (var path in unrelated)
        {
            Assert.True(portal.IsCached(path), $"{path} does not list the new story but was evicted");
        }
    }

    [Fact]
    public async Task Unpublishing_a_story_takes_it_out_of_every_page_at_once()
    {
        await using var portal = new CachingPortal();
        var story = portal.Live()[1];
        var lists = new[] { $"/sections/{story.Section.Slug}", $"/tags/{story.Tags[0].Tag.Slug}", "/", "/latest", "/rss.xml", "/sitemap.xml" };
        await WarmAsync(portal, [$"/articles/{story.Slug}", .. lists]);
        Assert.Contains($"/articles/{story.Slug}", await SearchAsync(portal, story.Title));

        await portal.EditStoryAsync(story.Slug, a => a.Status = ArticleStatus.Draft);

        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateReader().GetAsync($"/articles/{story.Slug}")).StatusCode);
        foreach (var path in lists)
        {
            Assert.DoesNotContain($"/articles/{story.Slug}", await portal.CreateReader().GetStringAsync(path));
        }

        Assert.DoesNotContain($"/articles/{story.Slug}", await SearchAsync(portal, story.Title));
    }

    [Fact]
    public async Task A_newly_gated_story_is_never_served_in_full_again_to_anyone_who_may_not_read_it()
    {
        await using var portal = new CachingPortal();
        var story = portal.Live().First(a => a.AccessLevel == AccessLevel.Public);
        var path = $"/articles/{story.Slug}";
        var lastParagraph = LastProse(story);
        var phrase = string.Join(' ', lastParagraph.Split(' ').Skip(1).Take(5)).Trim('.', ',', ';', ':');
        var noPlan = await portal.SignInAsync("pliro", "cus_gating_free");
        Assert.Contains(lastParagraph, await portal.CreateReader().GetStringAsync(path));
        Assert.Contains(lastParagraph, await noPlan.GetStringAsync(path));
        Assert.NotNull(RssItem(await portal.CreateReader().GetStringAsync("/rss.xml"), story.Slug).Element(Content + "encoded"));
        Assert.Contains(path, await SearchAsync(portal, phrase));

        var premium = await portal.WithDatabaseAsync(db => db.AccessTiers.Where(t => t.Slug == "premium").Select(t => t.Id).SingleAsync());
        await portal.EditStoryAsync(story.Slug, a =>
        {
            a.AccessLevel = AccessLevel.Tier;
            a.MinimumTierId = premium;
        });

        var (_, anonymous, document) = await portal.CreateReader().GetPageAsync(path);
        Assert.DoesNotContain(lastParagraph, anonymous);
        Assert.NotNull(document.QuerySelector(".paywall"));
        Assert.DoesNotContain(lastParagraph, await noPlan.GetStringAsync(path));
        var rss = await portal.CreateReader().GetStringAsync("/rss.xml");
        Assert.Null(RssItem(rss, story.Slug).Element(Content + "encoded"));
        Assert.DoesNotContain(lastParagraph, rss);
        Assert.DoesNotContain(path, await SearchAsync(portal, phrase));
    }

    [Fact]
    public async Task Renaming_a_section_changes_the_navigation_on_every_page()
    {
        await using var portal = new CachingPortal();
        var news = portal.Live().First(a => a.Section.Slug == "news");
        var pages = new[] { $"/articles/{news.Slug}", "/latest", "/sections/news", "/" };
        await WarmAsync(portal, pages);

        var culture = await portal.WithDatabaseAsync(db => db.Sections.Where(s => s.Slug == "culture").Select(s => s.Id).SingleAsync());
        await portal.SilentlyAsync($"UPDATE \"Sections\" SET \"Name\" = 'Arts and Culture' WHERE \"Id\" = {culture}");
        await portal.Changes.SectionChangedAsync(culture);

        foreach (var path in pages)
        {
            var nav = Html.Parse(await portal.CreateReader().GetStringAsync(path)).QuerySelector(".masthead__nav")!.TextContent;
            Assert.Contains("Arts and Culture", nav);
        }
    }

    [Fact]
    public async Task Renaming_a_tag_evicts_its_page_and_the_stories_that_show_it_only()
    {
        await using var portal = new CachingPortal();
        var tagged = portal.Live().First(a => a.Tags.Any(t => t.Tag.Slug == "rowing"));
        var untagged = portal.Live().First(a => a.Tags.All(t => t.Tag.Slug != "rowing"));
        await WarmAsync(portal, ["/tags/rowing", $"/articles/{tagged.Slug}", $"/articles/{untagged.Slug}"]);

        var rowing = await portal.WithDatabaseAsync(db => db.Tags.Where(t => t.Slug == "rowing").Select(t => t.Id).SingleAsync());
        await portal.SilentlyAsync($"UPDATE \"Tags\" SET \"Name\" = 'Rowing and paddling' WHERE \"Id\" = {rowing}");
        await portal.Changes.TagChangedAsync(rowing);

        Assert.Equal("Rowing and paddling", Html.Parse(await portal.CreateReader().GetStringAsync("/tags/rowing")).QuerySelector("h1")?.TextContent);
        Assert.Contains("Rowing and paddling", Html.Parse(await portal.CreateReader().GetStringAsync($"/articles/{tagged.Slug}")).QuerySelector(".tag-list")!.TextContent);
        Assert.True(portal.IsCached($"/articles/{untagged.Slug}"));
    }

    [Fact]
    public async Task Renaming_an_author_changes_every_byline_and_leaves_other_writers_pages_alone()
    {
        await using var portal = new CachingPortal();
        var story = portal.Live()[2];
        var author = story.Authors[0].Author;
        var byOthers = portal.Live().First(a => a.Authors.All(x => x.Author != author));
        var pages = new[] { $"/authors/{author.Slug}", $"/articles/{story.Slug}", $"/sections/{story.Section.Slug}", "/latest" };
        await WarmAsync(portal, [.. pages, $"/articles/{byOthers.Slug}"]);

        var id = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Slug == author.Slug).Select(a => a.Id).SingleAsync());
        await portal.SilentlyAsync($"UPDATE \"Authors\" SET \"Name\" = 'Wilhelmina Quayside' WHERE \"Id\" = {id}");
        await portal.Changes.AuthorChangedAsync(id);

        foreach (var path in pages)
        {
            Assert.Contains("Wilhelmina Quayside", await portal.CreateReader().GetStringAsync(path));
        }

        Assert.True(portal.IsCached($"/articles/{byOthers.Slug}"));
    }

    [Fact]
    public async Task Renaming_a_tier_changes_the_badge_and_the_paywall_that_name_it()
    {
        await using var portal = new CachingPortal();
        var premium = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var open = portal.Live().First(a => a.AccessLevel == AccessLevel.Public && a.Section != premium.Section);
        await WarmAsync(portal, [$"/articles/{premium.Slug}", $"/sections/{premium.Section.Slug}", $"/articles/{open.Slug}"]);

        var id = await portal.WithDatabaseAsync(db => db.AccessTiers.Where(t => t.Slug == "premium").Select(t => t.Id).SingleAsync());
        await portal.SilentlyAsync($"UPDATE \"AccessTiers\" SET \"Name\" = 'Gazette Premium' WHERE \"Id\" = {id}");
        await portal.Changes.TierChangedAsync(id);

        var page = Html.Parse(await portal.CreateReader().GetStringAsync($"/articles/{premium.Slug}"));
        Assert.Contains("Gazette Premium", page.QuerySelector(".paywall__heading")!.TextContent);
        Assert.Contains("Gazette Premium", page.QuerySelector(".badge--premium")!.TextContent);
        Assert.Contains("Gazette Premium", await portal.CreateReader().GetStringAsync($"/sections/{premium.Section.Slug}"));
        Assert.True(portal.IsCached($"/articles/{open.Slug}"));
    }

    [Fact]
    public async Task A_plan_mapping_change_reaches_every_instances_tier_cache_through_the_signal()
    {
        await using var portal = new CachingPortal();
        var premium = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var path = $"/articles/{premium.Slug}";
        var reader = await portal.SignInAsync("pliro", "cus_mapped_up", plan: "plus");
        Assert.DoesNotContain(portal.Demo.GatedSentences[premium.Slug], await reader.GetStringAsync(path));

        await portal.SilentlyAsync($"""
            UPDATE "PlanMappings" SET "AccessTierId" = (SELECT "Id" FROM "AccessTiers" WHERE "Slug" = 'premium')
             WHERE "ProviderKey" = 'pliro' AND "PlanKey" = 'plus'
            """);
        await portal.Changes.PlanMappingsChangedAsync();

        Assert.Contains(portal.Demo.GatedSentences[premium.Slug], await reader.GetStringAsync(path));
    }

    [Fact]
    public async Task Everything_changed_forgets_everything()
    {
        await using var portal = new CachingPortal();
        var story = portal.Live()[4];
        await WarmAsync(portal, [$"/articles/{story.Slug}", "/"]);

        await portal.SilentlyAsync($"UPDATE \"Articles\" SET \"Summary\" = 'Rewritten by a bulk import.'");
        Assert.DoesNotContain("Rewritten by a bulk import.", await portal.CreateReader().GetStringAsync("/"));
        await portal.Changes.EverythingChangedAsync();

        Assert.Contains("Rewritten by a bulk import.", await portal.CreateReader().GetStringAsync($"/articles/{story.Slug}"));
        Assert.Contains("Rewritten by a bulk import.", await portal.CreateReader().GetStringAsync("/"));
    }

    [Fact]
    public async Task A_change_made_on_one_instance_evicts_on_another_when_the_transport_delivers_it()
    {
        await using var first = new CachingPortal();
        var story = first.Live()[0];
        Assert.Equal(HttpStatusCode.OK, (await first.CreateReader().GetAsync("/")).StatusCode);
        await using var second = new CachingPortal(PortalSetup.Offline with { SharedDatabasePath = first.DatabasePath });
        var path = $"/articles/{story.Slug}";
        Assert.Contains(story.Title, await second.CreateReader().GetStringAsync(path));
        Assert.True(second.IsCached(path));
        // What a transport between instances does (PostgreSQL NOTIFY, Redis): hand the first instance's messages to the second.
        var secondSignals = second.Services.GetRequiredService<InProcessSignals>();
        using var bridge = first.Services.GetRequiredService<IInstanceSignals>()
            .Subscribe(SignalChannels.ContentChanged, message => secondSignals.Deliver(SignalChannels.ContentChanged, message));

        await first.EditStoryAsync(story.Slug, a => a.Title = "Edited on the first instance");

        Assert.Contains("Edited on the first instance", await second.CreateReader().GetStringAsync(path));
    }

    private static async Task WarmAsync(CachingPortal portal, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await portal.CreateReader().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (!path.Contains('?'))
            {
                Assert.True(portal.IsCached(path), $"{path} was not kept");
            }
        }
    }

    private static async Task<string> SearchAsync(CachingPortal portal, string words) =>
        string.Join("\n", Html.Parse(await portal.CreateReader().GetStringAsync("/search?q=" + Uri.EscapeDataString(words)))
            .QuerySelectorAll(".card__title a").Select(a => a.GetAttribute("href")));

    private static XElement RssItem(string rss, string slug) =>
        XDocument.Parse(rss).Descendants("item").Single(i => ((string?)i.Element("link"))!.EndsWith("/articles/" + slug, StringComparison.Ordinal));

    /// <summary>The story's last plain paragraph, which only a reader of the whole story sees.</summary>
    private static string LastProse(Article story) =>
        story.Body.Split("\n\n").Last(p => !p.StartsWith('#') && !p.StartsWith('>') && !p.StartsWith('-') && !p.Contains('[') && !p.Contains('*') && !p.Contains('\'') && !p.Contains('"') && !p.Contains('&')).Trim();
}
