using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Caching;
using PublisherPortal.Infrastructure;
using PublisherPortal.Paywall;

namespace PublisherPortal.Search;

/// <summary>
/// Matches title and summary of every live article, and the body only of articles this reader may read in full:
/// a body the reader cannot read must not even reveal that it contains the words.
/// </summary>
public sealed class ArticleSearch(ArticleQueries articles, ScheduledStories schedule)
{
    public async Task<ArticleCardPage> SearchAsync(string terms, ReadableScope scope, PageCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        // Any story's change may change what matches; a story going live joins the results.
        ContentReads.ValidUntil(await schedule.NextGoLiveAsync(ContentTags.LatestList, cancellationToken));
        ContentReads.Record(ContentTags.Search);
        var query = articles.Live();
        var readable = FullyReadable(scope);
        foreach (var word in SearchTerms.Split(terms))
        {
            var pattern = "%" + SearchTerms.EscapeLike(word.ToLowerInvariant()) + "%";
            Expression<Func<Article, bool>> inHeadline = a =>
                EF.Functions.Like(a.Title.ToLower(), pattern, SearchTerms.LikeEscape)
                || EF.Functions.Like(a.Summary.ToLower(), pattern, SearchTerms.LikeEscape);
            Expression<Func<Article, bool>> inBody = a => EF.Functions.Like(a.Body.ToLower(), pattern, SearchTerms.LikeEscape);
            query = query.Where(inHeadline.OrElse(readable.AndAlso(inBody)));
        }

        return await ArticleQueries.PageAsync(query, after, pageSize, cancellationToken);
    }

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
