using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;

namespace PublisherPortal.Search;

/// <summary>
/// SQLite FTS5: the external-content table <c>ArticleSearch</c> (Title, Summary, Body; Porter stemming, accents
/// folded) over <c>Articles</c>, kept current by triggers (migration AddSearch). Ranked by <c>bm25</c> (title weighs
/// most), excerpts by <c>snippet</c>.
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db) : ISearchIndex
{
    public async Task<IReadOnlyList<int>> FindAsync(
        SearchQuery query, IQueryable<Article> live, Expression<Func<Article, bool>> readable, int offset, int count,
        CancellationToken cancellationToken)
    {
        var anywhere = Match(query);
        var inHeadline = HeadlineMatch(query);
        // Read as they are, not composed with the access rule in one statement: see SearchRanking.PageAsync.
        var documentHits = await db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS "Id", -bm25("ArticleSearch", 10.0, 4.0, 1.0) AS "Rank"
              FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {anywhere}
            """).ToListAsync(cancellationToken);
        var headlineHits = await db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS "Id", -bm25("ArticleSearch", 10.0, 4.0, 0.0) AS "Rank"
              FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {inHeadline}
            """).ToListAsync(cancellationToken);
        return await SearchRanking.PageAsync(documentHits, headlineHits, live, readable, offset, count, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        SearchQuery query, IReadOnlyCollection<int> fromBody, IReadOnlyCollection<int> fromSummary, CancellationToken cancellationToken)
    {
        var anywhere = Match(query);
        var inHeadline = HeadlineMatch(query);
        var bodyIds = JsonSerializer.Serialize(fromBody);
        var summaryIds = JsonSerializer.Serialize(fromSummary);
        // Columns: 0 Title, 1 Summary, 2 Body. The ids are restricted inside each query, so no other row's text is read.
        var rows = await db.Database.SqlQuery<SearchExcerpt>($"""
            SELECT rowid AS "Id", snippet("ArticleSearch", 2, char(2), char(3), ' … ', 30) AS "Text"
              FROM "ArticleSearch"
             WHERE "ArticleSearch" MATCH {anywhere} AND rowid IN (SELECT value FROM json_each({bodyIds}))
            UNION ALL
            SELECT rowid AS "Id", snippet("ArticleSearch", 1, char(2), char(3), ' … ', 30) AS "Text"
              FROM "ArticleSearch"
             WHERE "ArticleSearch" MATCH {inHeadline} AND rowid IN (SELECT value FROM json_each({summaryIds}))
            """).ToListAsync(cancellationToken);
        return rows.Where(r => r.Text is not null).ToDictionary(r => r.Id, r => r.Text!);
    }

    /// <summary>
    /// An FTS5 query: each word quoted (letters and digits only), a phrase as one quoted string, a prefix as
    /// <c>"…" *</c>, terms joined by AND.
    /// </summary>
    public static string Match(SearchQuery query) =>
        string.Join(" AND ", query.Terms.Select(term => "\"" + string.Join(' ', term.Words) + "\"" + (term.Prefix ? " *" : "")));

    /// <summary>The same, in the title and summary only: what matches a story the reader may not read.</summary>
    public static string HeadlineMatch(SearchQuery query) => "{Title Summary} : (" + Match(query) + ")";
}
