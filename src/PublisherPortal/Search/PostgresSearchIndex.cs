using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;

namespace PublisherPortal.Search;

/// <summary>
/// PostgreSQL full-text search over two generated <c>tsvector</c> columns with GIN indexes (migration AddSearch):
/// <c>SearchHeadline</c> (title A, summary B) and <c>SearchDocument</c> (the same plus the body, D). Ranked with
/// <c>ts_rank_cd</c> (length-normalised), excerpts by <c>ts_headline</c>. English stemming.
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db) : ISearchIndex
{
    public const string Configuration = "english";

    // ts_headline marks matches with control characters (SearchSnippet turns them into <mark>); never HTML.
    private const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<IReadOnlyList<int>> FindAsync(
        SearchQuery query, IQueryable<Article> live, Expression<Func<Article, bool>> readable, int offset, int count,
        CancellationToken cancellationToken)
    {
        var text = TsQuery(query);
        var inDocument = db.Database.SqlQuery<SearchHit>($"""
            SELECT "Id", ts_rank_cd("SearchDocument", q, 1)::float8 AS "Rank"
              FROM "Articles", to_tsquery('english', {text}) AS q
             WHERE "SearchDocument" @@ q
            """);
        var inHeadline = db.Database.SqlQuery<SearchHit>($"""
            SELECT "Id", ts_rank_cd("SearchHeadline", q, 1)::float8 AS "Rank"
              FROM "Articles", to_tsquery('english', {text}) AS q
             WHERE "SearchHeadline" @@ q
            """);
        return await SearchRanking.PageAsync(inDocument, inHeadline, live, readable, offset, count, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        SearchQuery query, IReadOnlyCollection<int> fromBody, IReadOnlyCollection<int> fromSummary, CancellationToken cancellationToken)
    {
        var text = TsQuery(query);
        var bodyIds = fromBody.ToArray();
        var summaryIds = fromSummary.ToArray();
        var rows = await db.Database.SqlQuery<SearchExcerpt>($"""
            SELECT "Id", ts_headline('english', "Body", q, {HeadlineOptions}) AS "Text"
              FROM "Articles", to_tsquery('english', {text}) AS q
             WHERE "Id" = ANY({bodyIds})
            UNION ALL
            SELECT "Id", ts_headline('english', "Summary", q, {HeadlineOptions}) AS "Text"
              FROM "Articles", to_tsquery('english', {text}) AS q
             WHERE "Id" = ANY({summaryIds})
            """).ToListAsync(cancellationToken);
        return rows.Where(r => r.Text is not null).ToDictionary(r => r.Id, r => r.Text!);
    }

    /// <summary>
    /// <c>to_tsquery</c> text: words quoted (they are letters and digits only), phrases joined by <c>&lt;-&gt;</c>, a
    /// prefix marked <c>:*</c>, terms joined by <c>&amp;</c>.
    /// </summary>
    public static string TsQuery(SearchQuery query) => string.Join(" & ", query.Terms.Select(term =>
    {
        var words = term.Words.Select(w => "'" + w + "'").ToArray();
        if (term.Prefix)
        {
            words[^1] += ":*";
        }

        return words.Length == 1 ? words[0] : "(" + string.Join(" <-> ", words) + ")";
    }));
}
