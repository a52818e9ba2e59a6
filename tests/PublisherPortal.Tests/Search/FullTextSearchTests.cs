using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Search;

/// <summary>
/// Full-text search on each database that has it (SQLite FTS5, PostgreSQL): phrases, prefixes, ranking, paging, an
/// index that follows every write, and excerpts that never come from text the reader may not read. Each test adds
/// stories with made-up words, through EF as the newsroom would, so nothing in the demo content can match.
/// </summary>
public abstract class FullTextSearchTests : IAsyncLifetime
{
    private CachingPortal _portal = null!;

    protected CachingPortal Portal => _portal;

    protected abstract Task<CachingPortal> CreatePortalAsync();

    public async Task InitializeAsync() => _portal = await CreatePortalAsync();

    public virtual async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_quoted_phrase_matches_its_words_in_order_only()
    {
        var inOrder = await AddAsync("Zorbel quaffrey hall reopens", body: "The zorbel quaffrey hall opened its doors again.");
        var apart = await AddAsync("A quaffrey for every zorbel", body: "Nobody asked the quaffrey. The zorbel was elsewhere.");

        Assert.Equal([inOrder], await SlugsAsync(Portal.CreateReader(), "\"zorbel quaffrey\""));
        Assert.Equal([apart, inOrder], (await SlugsAsync(Portal.CreateReader(), "zorbel quaffrey")).Order());
    }

    [Fact]
    public async Task A_prefix_matches_words_that_start_with_it_and_a_bare_fragment_does_not()
    {
        var story = await AddAsync("Blusterwick pier to close", body: "The pier at Blusterwick closes in March.");

        Assert.Equal([story], await SlugsAsync(Portal.CreateReader(), "blusterw*"));
        Assert.Empty(await SlugsAsync(Portal.CreateReader(), "blusterw"));
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_one_in_the_summary_above_one_in_the_body()
    {
        var now = Portal.Clock.GetUtcNow().UtcDateTime;
        var inBody = await AddAsync("Quay works start in spring", body: Filler + " The glimmerock survey came first.", publishedAt: now.AddMinutes(-1));
        var inSummary = await AddAsync("Survey of the old quay", summary: "A glimmerock survey of the old quay.", body: Filler, publishedAt: now.AddMinutes(-2));
        var inTitle = await AddAsync("Glimmerock survey of the quay", body: Filler, publishedAt: now.AddMinutes(-3));

        Assert.Equal([inTitle, inSummary, inBody], await SlugsAsync(Portal.CreateReader(), "glimmerock"));
    }

    [Fact]
    public async Task Results_come_in_pages_each_story_once()
    {
        var added = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            added.Add(await AddAsync($"Trundlewhistle report number {i + 1}", body: $"Report {i + 1} on the trundlewhistle."));
        }

        var reader = Portal.CreateReader();
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var document = Html.Parse(await reader.GetStringAsync($"/search?q=trundlewhistle&page={page}"));
            var slugs = Slugs(document);
            Assert.Equal(page < 3 ? 12 : 6, slugs.Count);
            Assert.Equal(page < 3, document.QuerySelector("a[rel=next]") is not null);
            seen.AddRange(slugs);
        }

        Assert.Equal(added.Order(), seen.Order());
    }

    [Fact]
    public async Task The_index_follows_every_insert_update_and_delete()
    {
        var slug = await AddAsync("Lighthouse keeper retires", body: "After forty years, the peppercombe lamp is dark.");
        Assert.Equal([slug], await SlugsAsync(Portal.CreateReader(), "peppercombe"));

        await Portal.EditStoryAsync(slug, a => a.Body = "After forty years, the lamp is dark.");
        Assert.Empty(await SlugsAsync(Portal.CreateReader(), "peppercombe"));

        await Portal.EditStoryAsync(slug, a => a.Title = "Peppercombe lighthouse keeper retires");
        Assert.Equal([slug], await SlugsAsync(Portal.CreateReader(), "peppercombe"));

        var listing = await Portal.WithDatabaseAsync(async db =>
        {
            var article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).SingleAsync(a => a.Slug == slug);
            var listing = StoryListing.Of(article);
            db.Articles.Remove(article);
            await db.SaveChangesAsync();
            return listing;
        });
        await Portal.Changes.StoryChangedAsync(listing, null);
        Assert.Empty(await SlugsAsync(Portal.CreateReader(), "peppercombe"));
    }

    [Fact]
    public async Task A_gated_story_is_found_by_its_headline_with_an_excerpt_of_its_summary_and_by_its_body_only_by_readers_who_may_read_it()
    {
        const string summary = "The council will vote on dredging the inner basin.";
        const string secret = "The dredging contract went to Vorplex without a tender.";
        var headline = await AddAsync("Dredging plan for the basin", summary: summary, body: Filler + " " + secret, access: "premium");
        var bodyOnly = await AddAsync("Inner basin closed for works", body: Filler + " Sludgewater pumps run through the night.", access: "premium");
        var anonymous = Portal.CreateReader();
        var plus = await Portal.SignInAsync("pliro", "cus_search_plus", plan: "plus");
        var premium = await Portal.SignInAsync("pliro", "cus_search_premium", plan: "premium");

        foreach (var (reader, mayRead) in new[] { (anonymous, false), (plus, false), (premium, true) })
        {
            var results = Html.Parse(await reader.GetStringAsync("/search?q=dredging"));
            var card = results.QuerySelectorAll(".card").Single(c => c.QuerySelector(".card__title a")!.GetAttribute("href") == "/articles/" + headline);
            var excerpt = card.QuerySelector(".card__excerpt")?.TextContent ?? "";
            if (mayRead)
            {
                Assert.Contains("dredging", excerpt, StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                Assert.DoesNotContain("Vorplex", results.DocumentElement.OuterHtml);
                Assert.All(Words(excerpt), word => Assert.Contains(word, Words("Dredging plan for the basin " + summary)));
            }

            Assert.Equal(mayRead, (await SlugsAsync(reader, "sludgewater")).Contains(bodyOnly));
        }

        var found = Html.Parse(await premium.GetStringAsync("/search?q=vorplex"));
        Assert.Contains("Vorplex", found.QuerySelector(".card__excerpt")!.TextContent);
        Assert.Empty(await SlugsAsync(anonymous, "vorplex"));
    }

    private const string Filler = "The harbour board met on Tuesday. Members discussed the budget, the quay and the ferry timetable at length.";

    private async Task<string> AddAsync(string title, string? summary = null, string body = "Body.", string? access = null, DateTime? publishedAt = null)
    {
        var slug = PublisherPortal.Data.Seed.SlugText.From(title);
        var at = publishedAt ?? Portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await Portal.AddStoryAsync(async db => new Article
        {
            Title = title,
            Slug = slug,
            Summary = summary ?? "A short summary.",
            Body = body,
            SectionId = await db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync(),
            Status = ArticleStatus.Published,
            PublishedAt = at,
            CreatedAt = at,
            UpdatedAt = at,
            AccessLevel = access is null ? AccessLevel.Public : AccessLevel.Tier,
            MinimumTierId = access is null ? null : await db.AccessTiers.Where(t => t.Slug == access).Select(t => t.Id).SingleAsync(),
        });
        return slug;
    }

    private static async Task<List<string>> SlugsAsync(HttpClient reader, string query) =>
        Slugs(Html.Parse(await reader.GetStringAsync("/search?q=" + Uri.EscapeDataString(query))));

    private static List<string> Slugs(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll(".search-results .card__title a").Select(a => a.GetAttribute("href")!["/articles/".Length..]).ToList();

    private static HashSet<string> Words(string text) =>
        PublisherPortal.Search.SearchQuery.Words(text).ToHashSet(StringComparer.Ordinal);
}

public sealed class SqliteFullTextSearchTests : FullTextSearchTests
{
    protected override Task<CachingPortal> CreatePortalAsync() => Task.FromResult(new CachingPortal());
}

public sealed class PostgresFullTextSearchTests : FullTextSearchTests
{
    private PostgresDatabase _database = null!;

    protected override async Task<CachingPortal> CreatePortalAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        return new CachingPortal(PortalSetup.Offline.With("Database:Provider", "Postgres").With("ConnectionStrings:Portal", _database.ConnectionString));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
