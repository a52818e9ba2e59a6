using System.Text;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// Turns a headline or name into a URL slug: lowercase ASCII letters and digits joined by single hyphens.
/// Accented letters keep their base letter ("Ålesund" → "alesund") so slugs stay readable in links and feeds.
/// </summary>
public static class SlugText
{
    /// <summary>Longest slug produced; longer text is cut at the last whole word that fits.</summary>
    public const int DefaultMaxLength = 80;

    // The site runs with InvariantGlobalization, where string.Normalize cannot decompose accented
    // letters, so the Latin letters a European newsroom meets are mapped to ASCII here instead.
    private static readonly Dictionary<char, string> Transliterations = BuildTransliterations(
        ("a", "àáâãäåāăąǎ"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"),
        ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŋ"),
        ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"),
        ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"), ("ae", "æ"), ("oe", "œ"), ("ss", "ß"), ("th", "þ"),
        (" and ", "&"));

    public static string From(string text, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        var pendingHyphen = false;
        foreach (var c in lower)
        {
            // Apostrophes join rather than split: "don't" → "dont", "Mariners'" → "mariners".
            if (c is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }

            var piece = Transliterations.TryGetValue(c, out var mapped) ? mapped : c.ToString();
            foreach (var p in piece)
            {
                if (p is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    if (pendingHyphen && builder.Length > 0)
                    {
                        builder.Append('-');
                    }

                    pendingHyphen = false;
                    builder.Append(p);
                }
                else
                {
                    pendingHyphen = true;
                }
            }
        }

        return Truncate(builder.ToString(), maxLength);
    }

    private static Dictionary<char, string> BuildTransliterations(params (string Ascii, string Letters)[] groups)
    {
        var map = new Dictionary<char, string>();
        foreach (var (ascii, letters) in groups)
        {
            foreach (var letter in letters)
            {
                map[letter] = ascii;
            }
        }

        return map;
    }

    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug[..maxLength];
        var lastHyphen = cut.LastIndexOf('-');
        return lastHyphen > 0 && slug[maxLength] != '-' ? cut[..lastHyphen] : cut.TrimEnd('-');
    }
}
