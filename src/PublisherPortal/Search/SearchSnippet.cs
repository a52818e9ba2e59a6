using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PublisherPortal.Search;

/// <summary>
/// A search engine's excerpt made safe to show: the engines mark matches with two control characters
/// (<see cref="Start"/>, <see cref="Stop"/>), never with HTML, so everything they return is encoded and only those
/// marks become <c>&lt;mark&gt;</c>. Markdown syntax in a body excerpt (link targets, emphasis, headings) is dropped.
/// </summary>
public static partial class SearchSnippet
{
    public const char Start = '\u0002';
    public const char Stop = '\u0003';

    public static string ToHtml(string excerpt)
    {
        var text = MarkdownLinkTarget().Replace(excerpt, "");
        text = MarkdownLineMarks().Replace(text, "$1");
        text = MarkdownPunctuation().Replace(text, "");
        text = Whitespace().Replace(text, " ").Trim();
        var html = new StringBuilder(text.Length + 32);
        var open = false;
        var plain = new StringBuilder();
        foreach (var c in text)
        {
            if (c is Start or Stop)
            {
                html.Append(WebUtility.HtmlEncode(plain.ToString()));
                plain.Clear();
                if (c == Start && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (c == Stop && open)
                {
                    html.Append("</mark>");
                    open = false;
                }

                continue;
            }

            plain.Append(c);
        }

        html.Append(WebUtility.HtmlEncode(plain.ToString()));
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex MarkdownLinkTarget();

    // Heading and quote marks: at the start of a line (or of the excerpt) and followed by a space.
    [GeneratedRegex(@"(^|\s)[#>]+(?=\s)")]
    private static partial Regex MarkdownLineMarks();

    [GeneratedRegex(@"[\[\]*_`|]")]
    private static partial Regex MarkdownPunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
