using System.Text;

namespace PublisherPortal.Search;

/// <summary>
/// A reader's search, parsed: words, <c>"quoted phrases"</c> and <c>prefix*</c> words, every one of which must match.
/// Only letters and digits reach a database's query syntax (each engine quotes them its own way), so nothing a reader
/// types can change the shape of a query. A word with inner punctuation (<c>HG-101-ABC</c>, <c>don't</c>) is a phrase
/// of its parts, which is how both full-text engines index it.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxLength = 200;

    /// <summary>A prefix shorter than this matches too much to be useful: it is searched as a whole word.</summary>
    public const int MinPrefixLength = 2;

    private SearchQuery(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([]);
        }

        var input = text.Trim();
        input = input[..Math.Min(input.Length, MaxLength)];
        var terms = new List<SearchTerm>();
        var i = 0;
        while (i < input.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                i++;
                continue;
            }

            string chunk;
            if (input[i] == '"')
            {
                var end = input.IndexOf('"', i + 1);
                end = end < 0 ? input.Length : end;
                chunk = input[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < input.Length && !char.IsWhiteSpace(input[end]) && input[end] != '"')
                {
                    end++;
                }

                chunk = input[i..end];
                i = end;
            }

            if (SearchTerm.From(chunk) is { } term && !terms.Contains(term))
            {
                terms.Add(term);
            }
        }

        return new(terms);
    }

    /// <summary>Runs of letters and digits, lower-cased: the only characters any engine is given.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}

/// <summary>
/// One thing that must match: a word, or a phrase of words in order; when <see cref="Prefix"/>, the last word may be
/// the start of a longer one. <see cref="Text"/> is what it looks like in running text, for engines that match
/// substrings (SQL Server's LIKE).
/// </summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix, string Text)
{
    public bool IsPhrase => Words.Count > 1;

    public static SearchTerm? From(string chunk)
    {
        var trimmed = chunk.Trim();
        var prefix = trimmed.EndsWith('*');
        var words = SearchQuery.Words(trimmed);
        if (words.Count == 0)
        {
            return null;
        }

        prefix = prefix && words[^1].Length >= SearchQuery.MinPrefixLength;
        var text = trimmed.TrimEnd('*').Trim().ToLowerInvariant();
        return new SearchTerm(words, prefix, text.Length == 0 ? string.Join(' ', words) : text);
    }

    public bool Equals(SearchTerm? other) =>
        other is not null && Prefix == other.Prefix && Words.SequenceEqual(other.Words);

    public override int GetHashCode() => HashCode.Combine(Prefix, string.Join(' ', Words));
}
