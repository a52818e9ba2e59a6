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
}
