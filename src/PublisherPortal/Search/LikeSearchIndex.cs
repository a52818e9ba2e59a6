using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Search;

/// <summary>
/// Search with LIKE, for SQL Server: its full-text search needs the Full-Text Search feature installed and a catalog
/// and index created outside a transaction, which migrations cannot promise on every server (docs/database.md). Every
/// term must occur as written (a phrase as a substring, a prefix as the start of a substring); newest first, no
/// ranking; excerpts cut in memory from the text the caller allows. Scans every row: fine for a small archive.
/// </summary>
public sealed class LikeSearchIndex(PortalDbContext db) : ISearchIndex
{
    private const int ExcerptRadius = 110;

    public async Task<IReadOnlyList<int>> FindAsync(
        SearchQuery query, IQueryable<Article> live, Expression<Func<Article, bool>> readable, int offset, int count,
        CancellationToken cancellationToken)
    {
        var matches = live;
        foreach (var term in query.Terms)
        {
            var pattern = "%" + SearchTerms.EscapeLike(term.Text) + "%";
            Expression<Func<Article, bool>> inHeadline = a =>
                EF.Functions.Like(a.Title.ToLower(), pattern, SearchTerms.LikeEscape)
                || EF.Functions.Like(a.Summary.ToLower(), pattern, SearchTerms.LikeEscape);
            Expression<Func<Article, bool>> inBody = a => EF.Functions.Like(a.Body.ToLower(), pattern, SearchTerms.LikeEscape);
            matches = matches.Where(inHeadline.OrElse(readable.AndAlso(inBody)));
        }

        return await matches.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(offset).Take(count).Select(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        SearchQuery query, IReadOnlyCollection<int> fromBody, IReadOnlyCollection<int> fromSummary, CancellationToken cancellationToken)
    {
        var bodies = await db.Articles.AsNoTracking().Where(a => fromBody.Contains(a.Id)).Select(a => new { a.Id, Text = a.Body }).ToListAsync(cancellationToken);
        var summaries = await db.Articles.AsNoTracking().Where(a => fromSummary.Contains(a.Id)).Select(a => new { a.Id, Text = a.Summary }).ToListAsync(cancellationToken);
        return bodies.Concat(summaries).ToDictionary(r => r.Id, r => Excerpt(r.Text, query));
    }

    /// <summary>The text around the first term found, every occurrence of a term marked.</summary>
    internal static string Excerpt(string text, SearchQuery query)
    {
        var first = query.Terms.Select(t => text.IndexOf(t.Text, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - ExcerptRadius);
        var end = Math.Min(text.Length, first + ExcerptRadius);
        var window = (start > 0 ? "… " : "") + text[start..end] + (end < text.Length ? " …" : "");
        foreach (var term in query.Terms.OrderByDescending(t => t.Text.Length))
        {
            window = System.Text.RegularExpressions.Regex.Replace(window, System.Text.RegularExpressions.Regex.Escape(term.Text),
                m => SearchSnippet.Start + m.Value + SearchSnippet.Stop, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        }

        return window;
    }
}
