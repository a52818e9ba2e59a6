using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Caching;
using PublisherPortal.Data;
using PublisherPortal.Data.Providers;
using PublisherPortal.Paywall;

namespace PublisherPortal.Search;

/// <summary>
/// Search: every live story by its title and summary, and the body only of stories this reader may read in full (a
/// body the reader cannot read must not even reveal that it contains the words). The database's own engine finds and
/// ranks (<see cref="ISearchIndex"/>); excerpts come from the body only where the access decision opens it to this
/// reader, from the summary otherwise.
/// </summary>
public sealed class ArticleSearch(PortalDbContext db, ArticleQueries articles, ScheduledStories schedule)
{
    /// <summary>Results are paged by rank; this many pages at most (a deeper page would rank the whole archive again).</summary>
    public const int MaxPages = 40;

    public async Task<SearchResults> SearchAsync(SearchQuery query, Reader reader, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        // Any story's change may change what matches; a story going live joins the results.
        ContentReads.ValidUntil(await schedule.NextGoLiveAsync(ContentTags.LatestList, cancellationToken));
        ContentReads.Record(ContentTags.Search);
        if (query.IsEmpty || page < 1 || page > MaxPages)
        {
            return SearchResults.None;
        }

        pageSize = Math.Clamp(pageSize, 1, ArticleQueries.MaxPageSize);
        var index = IndexFor(db);
        var ids = await index.FindAsync(query, articles.Live(), FullyReadable(ArticleAccessPolicy.ScopeFor(reader)),
            (page - 1) * pageSize, pageSize + 1, cancellationToken);
        var shown = ids.Take(pageSize).ToArray();
        var cards = (await articles.Live().Where(a => shown.Contains(a.Id)).Select(ArticleQueries.CardProjection).ToListAsync(cancellationToken))
            .OrderBy(c => Array.IndexOf(shown, c.Id)).ToList();
        ContentReads.Record(cards.SelectMany(ContentTags.Of));

        var fromBody = cards.Where(c => ArticleAccessPolicy.Decide(c.Access, reader).IsFull).Select(c => c.Id).ToArray();
        var fromSummary = cards.Select(c => c.Id).Except(fromBody).ToArray();
        var excerpts = await index.SnippetsAsync(query, fromBody, fromSummary, cancellationToken);
        var results = cards.Select(c => new SearchResult(c,
            excerpts.TryGetValue(c.Id, out var excerpt) ? new MarkupString(SearchSnippet.ToHtml(excerpt)) : null)).ToList();
        return new SearchResults(results, ids.Count > pageSize && page < MaxPages ? page + 1 : null);
    }

    /// <summary>PostgreSQL and SQLite search with their full-text engines; SQL Server with LIKE (docs/database.md).</summary>
    public static ISearchIndex IndexFor(PortalDbContext db) => db switch
    {
        PostgresPortalDbContext => new PostgresSearchIndex(db),
        SqlitePortalDbContext => new SqliteSearchIndex(db),
        _ => new LikeSearchIndex(db),
    };

    /// <summary>
    /// <see cref="ReadableScope.Admits"/> as a query predicate, so the database only searches bodies the reader may
    /// read. ArticleSearchTests checks the two agree for every level and reader.
    /// </summary>
    internal static Expression<Func<Article, bool>> FullyReadable(ReadableScope scope)
    {
        var registered = scope.Registered;
        var hasTier = scope.MaxTierRank is not null;
        var rank = scope.MaxTierRank ?? 0;
        return a => a.AccessLevel == AccessLevel.Public
            || (registered && a.AccessLevel == AccessLevel.Registered)
            || (hasTier && a.AccessLevel == AccessLevel.Tier && a.MinimumTier != null && a.MinimumTier.Rank <= rank);
    }
}
