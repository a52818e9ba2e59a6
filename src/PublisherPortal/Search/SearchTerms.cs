namespace PublisherPortal.Search;

/// <summary>Escapes a reader's words for SQL LIKE (SQL Server's search), so %, _ and \ match only themselves.</summary>
public static class SearchTerms
{
    public const string LikeEscape = "\\";

    public static string EscapeLike(string word) =>
        word.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
