using System.Text;
using PublisherPortal.Data.Seed;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// Markdown bodies of a chosen size, written from the demo stories' own paragraphs (ledes, details, quotes, lists,
/// blockquotes, links, subheadings), so rendering costs what a real story of that size costs.
/// </summary>
internal sealed class BodyPool
{
    private readonly string[] ledes;
    private readonly string[] middles;
    private readonly string[] closings;
    private readonly string[] subheadings;

    private BodyPool(string[] ledes, string[] middles, string[] closings, string[] subheadings)
    {
        this.ledes = ledes;
        this.middles = middles;
        this.closings = closings;
        this.subheadings = subheadings;
    }

    public static BodyPool From(DemoContent demo)
    {
        // Paragraphs holding a demo story's one-of-a-kind gated sentence stay out: that sentence belongs to its story.
        var gated = demo.GatedSentences.Values.ToArray();
        var bodies = demo.Articles
            .Select(a => a.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(paragraphs => paragraphs.Where(p => !gated.Any(g => p.Contains(g, StringComparison.Ordinal))).ToArray())
            .Where(paragraphs => paragraphs.Length >= 3)
            .ToList();
        var subheadings = bodies.SelectMany(p => p).Where(p => p.StartsWith("## ", StringComparison.Ordinal)).Distinct().ToArray();
        var middles = bodies.SelectMany(p => p[1..^1]).Where(p => !p.StartsWith("## ", StringComparison.Ordinal)).Distinct().ToArray();
        return new BodyPool(
            [.. bodies.Select(p => p[0]).Distinct()],
            middles,
            [.. bodies.Select(p => p[^1]).Distinct()],
            subheadings);
    }

    /// <summary>A lede, then paragraphs (a subheading every five or so) until <paramref name="targetBytes"/>, then a closing.</summary>
    public string Write(int targetBytes, Random random)
    {
        var body = new StringBuilder(targetBytes + 1024);
        var bytes = Append(body, Pick(ledes, random));
        var closing = Pick(closings, random);
        var closingBytes = Encoding.UTF8.GetByteCount(closing) + 2;
        var sinceHeading = 0;
        while (bytes + closingBytes < targetBytes)
        {
            if (sinceHeading >= 4 && random.Next(3) == 0)
            {
                bytes += Append(body, "\n\n" + Pick(subheadings, random));
                sinceHeading = 0;
            }

            bytes += Append(body, "\n\n" + Pick(middles, random));
            sinceHeading++;
        }

        return body.Append("\n\n").Append(closing).ToString();
    }

    private static int Append(StringBuilder body, string text)
    {
        body.Append(text);
        return Encoding.UTF8.GetByteCount(text);
    }

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];
}
