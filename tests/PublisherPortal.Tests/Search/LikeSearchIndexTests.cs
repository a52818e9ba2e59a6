using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;
using PublisherPortal.Search;

namespace PublisherPortal.Tests.Search;

/// <summary>
/// SQL Server's search (LIKE: no full-text catalog is assumed there, docs/database.md), run here on SQLite, where the
/// same LINQ translates: the access rule, escaping and excerpts. Whether SQL Server translates it the same way is not
/// proven by any test (no server runs here).
/// </summary>
public sealed class LikeSearchIndexTests(DemoSite portal) : IClassFixture<DemoSite>
{
    private static readonly Reader Premium = Reader.Anonymous with
    {
        IsSignedIn = true, Subject = "s", Issuer = "https://op", PlanKeys = ["premium"], Tier = new ReaderTier("premium", "Premium", 20),
    };

    [Fact]
    public async Task A_gated_body_matches_only_for_a_reader_who_may_read_it_and_a_headline_for_everyone()
    {
        var story = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var sentence = portal.Demo.GatedSentences[story.Slug].TrimEnd('.');

        Assert.DoesNotContain(story.Slug, await FindAsync(sentence, Reader.Anonymous));
        Assert.Contains(story.Slug, await FindAsync(sentence, Premium));
        Assert.Contains(story.Slug, await FindAsync(story.Title, Reader.Anonymous));
    }

    [Fact]
    public async Task Like_wildcards_from_the_reader_match_only_themselves()
    {
        var results = await FindAsync("9%", Premium);

        Assert.NotEmpty(results);
        Assert.True(results.Count < portal.Live().Count, "'9%' matched every story: % was not escaped");
        Assert.All(results, slug =>
        {
            var article = portal.Live().Single(a => a.Slug == slug);
            Assert.Contains("9%", article.Title + article.Summary + article.Body);
        });
    }

    [Fact]
    public async Task An_excerpt_comes_from_the_text_the_caller_allows_with_the_terms_marked()
    {
        var story = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var reference = System.Text.RegularExpressions.Regex.Match(portal.Demo.GatedSentences[story.Slug], @"HG-\S+").Value.TrimEnd(',', '.');
        var query = SearchQuery.Parse(reference);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = db.Articles.Single(a => a.Slug == story.Slug).Id;
        var index = new LikeSearchIndex(db);

        var fromSummary = await index.SnippetsAsync(query, [], [id], CancellationToken.None);
        var fromBody = await index.SnippetsAsync(query, [id], [], CancellationToken.None);

        Assert.DoesNotContain(SearchSnippet.Start, fromSummary[id]);
        Assert.Contains(story.Summary[..20], fromSummary[id]);
        Assert.Contains(SearchSnippet.Start, fromBody[id]);
    }

    private async Task<List<string>> FindAsync(string text, Reader reader)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var articles = scope.ServiceProvider.GetRequiredService<ArticleQueries>();
        var ids = await new LikeSearchIndex(db).FindAsync(SearchQuery.Parse(text), articles.Live(),
            ArticleSearch.FullyReadable(ArticleAccessPolicy.ScopeFor(reader)), 0, 100, CancellationToken.None);
        return db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Slug).ToList();
    }
}
