namespace PublisherPortal.Search;

/// <summary>Splits a reader's query into words and escapes them for SQL LIKE, identically on SQLite and PostgreSQL.</summary>
public static class SearchTerms
{
    public const string LikeEscape = "\\";
    public const int MaxWords = 8;
    public const int MaxLength = 200;

    public static IReadOnlyList<string> Split(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Trim()[..Math.Min(query.Trim().Length, MaxLength)]
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxWords)
                .ToArray();

    public static string EscapeLike(string word) =>
        word.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
