using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Paywall;
using PublisherPortal.Search;

namespace PublisherPortal.Tests.Search;

/// <summary>
/// Ranking over hits read apart from the engine (SQLite's path): a common word matches tens of thousands of stories,
/// more than SQLite takes as separate SQL variables, so the ids must reach the database as one parameter.
/// </summary>
public sealed class SearchRankingTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Forty_thousand_hits_are_ranked_against_the_database_in_one_parameter_and_only_live_readable_stories_return()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var live = scope.ServiceProvider.GetRequiredService<ArticleQueries>().Live();
        // Every id from 1 to 40,000 "matches", the higher the id the better: only the demo's few stories exist.
        var hits = Enumerable.Range(1, 40_000).Select(id => new SearchHit { Id = id, Rank = id }).ToList();
        var readable = ArticleSearch.FullyReadable(ArticleAccessPolicy.ScopeFor(Reader.Anonymous));

        var page = await SearchRanking.PageAsync(hits, [], live, readable, 0, 5, default);

        var expected = await live.Where(readable).OrderByDescending(a => a.Id).Select(a => a.Id).Take(5).ToListAsync();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, page);
    }
}
