using System.Net;

namespace PublisherPortal.Tests.Data;

/// <summary>The production database path: the site migrates, seeds and serves from a real PostgreSQL server.</summary>
public sealed class PostgresSiteTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _portal = new PortalFactory(new PortalSetup().With("Database:Provider", "Postgres").With("ConnectionStrings:Portal", _database.ConnectionString));
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_site_serves_pages_search_and_feeds_from_postgres()
    {
        var reader = _portal.CreateReader();
        var (home, _, document) = await reader.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(_portal.Live()[0].Title, document.QuerySelector(".front__lead .card__title a")?.TextContent.Trim());

        var gated = _portal.LiveGated()[0];
        var article = await reader.GetStringAsync($"/articles/{gated.Slug}");
        Assert.DoesNotContain(_portal.Demo.GatedSentences[gated.Slug], article);

        // PostgreSQL's LIKE is case-sensitive: search must still find a headline typed in capitals.
        var (_, _, results) = await reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(gated.Title.ToUpperInvariant()));
        Assert.Contains(results.QuerySelectorAll(".card__title a"), a => a.GetAttribute("href") == $"/articles/{gated.Slug}");
        var (_, _, none) = await reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(_portal.Demo.GatedSentences[gated.Slug]));
        Assert.Empty(none.QuerySelectorAll(".card"));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/rss.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/ready")).StatusCode);
    }
}
