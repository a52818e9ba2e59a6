using System.Linq.Expressions;
using PublisherPortal.Articles;

namespace PublisherPortal.Search;

/// <summary>One database's way of searching (PostgreSQL full text, SQLite FTS5, LIKE on SQL Server).</summary>
public interface ISearchIndex
{
    /// <summary>
    /// Ids of the stories of <paramref name="live"/> that match, best first: every story by its headline (title and
    /// summary), and stories <paramref name="readable"/> admits by their body too. Nothing else may be matched.
    /// </summary>
    Task<IReadOnlyList<int>> FindAsync(
        SearchQuery query, IQueryable<Article> live, Expression<Func<Article, bool>> readable, int offset, int count,
        CancellationToken cancellationToken);

    /// <summary>
    /// An excerpt per story with matches marked (<see cref="SearchSnippet"/>): from the body for
    /// <paramref name="fromBody"/>, from the summary for <paramref name="fromSummary"/>. The caller decides which is
    /// which from the access decision; an engine never reads a body it was not given the id for.
    /// </summary>
    Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        SearchQuery query, IReadOnlyCollection<int> fromBody, IReadOnlyCollection<int> fromSummary, CancellationToken cancellationToken);
}

/// <summary>A matching story and its score (higher is better), as the engines' SQL returns them.</summary>
public sealed class SearchHit
{
    public int Id { get; set; }

    public double Rank { get; set; }
}

/// <summary>An excerpt as the engines' SQL returns it.</summary>
public sealed class SearchExcerpt
{
    public int Id { get; set; }

    public string? Text { get; set; }
}
