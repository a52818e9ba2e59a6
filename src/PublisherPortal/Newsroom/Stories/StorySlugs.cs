using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>Story slugs: the shape a URL segment may have, and one made from a title (accents dropped, words hyphenated).</summary>
public static partial class StorySlugs
{
    public const int MaxLength = 200;

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    public static string FromTitle(string title)
    {
        var plain = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var slug = NotSlug().Replace(plain.ToString(), "-").Trim('-');
        slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
        return slug.Length == 0 ? "story" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
