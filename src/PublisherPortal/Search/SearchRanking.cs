using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Search;

/// <summary>The part every full-text engine shares: the access rule applied to matches, ranking and paging.</summary>
internal static class SearchRanking
{
    /// <summary>
    /// Matches in the whole document count only for stories the reader may read; every other story counts only by
    /// its headline. The rule is <paramref name="readable"/> itself (ArticleSearch.FullyReadable), never a copy in SQL.
    /// </summary>
    public static async Task<IReadOnlyList<int>> PageAsync(
        IQueryable<SearchHit> inDocument, IQueryable<SearchHit> inHeadline, IQueryable<Article> live,
        Expression<Func<Article, bool>> readable, int offset, int count, CancellationToken cancellationToken)
    {
        var readableIds = live.Where(readable).Select(a => a.Id);
        var otherIds = live.Where(readable.Not()).Select(a => a.Id);
        return await inDocument.Where(h => readableIds.Contains(h.Id))
            .Concat(inHeadline.Where(h => otherIds.Contains(h.Id)))
            .Join(live, h => h.Id, a => a.Id, (h, a) => new { h.Id, h.Rank, a.PublishedAt })
            .OrderByDescending(h => h.Rank).ThenByDescending(h => h.PublishedAt).ThenByDescending(h => h.Id)
            .Skip(offset).Take(count)
            .Select(h => h.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The same rule and order over hits already read from the engine: for SQLite, whose planner re-scores every FTS5
    /// match once per row when the match is filtered by a subquery (a common word at 100k stories took minutes;
    /// docs/database.md, "Search"). The engine is asked only for (id, score); the database says which of those stories
    /// are live and which the reader may read, through <paramref name="readable"/> as above.
    /// </summary>
    public static async Task<IReadOnlyList<int>> PageAsync(
        IReadOnlyList<SearchHit> inDocument, IReadOnlyList<SearchHit> inHeadline, IQueryable<Article> live,
        Expression<Func<Article, bool>> readable, int offset, int count, CancellationToken cancellationToken)
    {
        var documentRank = inDocument.ToDictionary(h => h.Id, h => h.Rank);
        var headlineRank = inHeadline.ToDictionary(h => h.Id, h => h.Rank);
        var documentIds = documentRank.Keys.ToArray();
        var headlineIds = headlineRank.Keys.ToArray();
        // One JSON parameter (json_each), not one parameter per id: a common word matches tens of thousands of stories.
        var readableHits = await live.Where(readable).Where(a => EF.Parameter(documentIds).Contains(a.Id))
            .Select(a => new { a.Id, a.PublishedAt }).ToListAsync(cancellationToken);
        var otherHits = await live.Where(readable.Not()).Where(a => EF.Parameter(headlineIds).Contains(a.Id))
            .Select(a => new { a.Id, a.PublishedAt }).ToListAsync(cancellationToken);
        return readableHits.Select(a => (a.Id, Rank: documentRank[a.Id], a.PublishedAt))
            .Concat(otherHits.Select(a => (a.Id, Rank: headlineRank[a.Id], a.PublishedAt)))
            .OrderByDescending(h => h.Rank).ThenByDescending(h => h.PublishedAt).ThenByDescending(h => h.Id)
            .Skip(offset).Take(count)
            .Select(h => h.Id)
            .ToList();
    }
}
