using System.Globalization;
using System.Text;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// Writes a story's Markdown body from its section's phrasebook. For a gated story it also writes the
/// one sentence that exists nowhere else in the publication, and places it no earlier than the fifth
/// paragraph, so a teaser of up to four paragraphs can never contain it.
/// </summary>
internal static class DemoBodyWriter
{
    private static readonly string[] SmallNumbers = ["three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    // Each names a reference number that is unique to the story (see ReferenceOf), so no two are alike.
    private static readonly string[] GatedSentenceTemplates =
    [
        "A briefing note on {topic} seen by the Gazette, reference {ref}, was circulated to senior staff at {institution} on a {weekday} morning.",
        "The Gazette has obtained an internal memo on {topic}, filed as {ref}, which sets out the options in more detail than any public document.",
        "An annex to the file on {topic}, marked {ref}, lists {n} conditions that were left out of the published version.",
    ];

    public static (string Markdown, string? GatedSentence) Write(DemoStory story, int index, DateTime utcNow, Random random)
    {
        var book = DemoPhrasebooks.For(story.Section);
        var slots = SlotsFor(story, index, utcNow, random);
        var gated = story.Access != DemoAccess.Public;

        var paragraphCount = random.Next(gated ? 6 : 5, 10);
        var middleCount = paragraphCount - 4;

        var ledes = book.Ledes;
        if (story.Headline.StartsWith("Editorial:", StringComparison.Ordinal))
        {
            // An editorial speaks for the paper, so the first-person openings belong to columnists only.
            ledes = [.. ledes.Where(l => !l.StartsWith("I ", StringComparison.Ordinal))];
        }

        var middle = Shuffled(book.Details, random).Take(middleCount).ToList();
        string? gatedSentence = null;
        var specialSlots = Enumerable.Range(0, middleCount).ToList();
        if (gated)
        {
            var at = random.Next(1, middleCount);
            gatedSentence = Fill(Pick(GatedSentenceTemplates, random), slots);
            middle[at] = $"{middle[at]} {{gated}}";
            specialSlots.Remove(at);
        }

        // Now and then a blockquote, a list or a link replaces a plain detail paragraph; never more than
        // two per story, or the piece reads like a brochure.
        var specials = 0;
        foreach (var pool in Shuffled(new[] { book.Blockquotes, book.Lists, book.Links }, random))
        {
            if (specialSlots.Count > 0 && specials < 2 && random.NextDouble() < 0.4)
            {
                var at = specialSlots[random.Next(specialSlots.Count)];
                middle[at] = Pick(pool, random);
                specialSlots.Remove(at);
                specials++;
            }
        }

        var blocks = new List<string> { Pick(ledes, random), Pick(book.Contexts, random), Pick(book.Quotes, random) };
        if (paragraphCount >= 6)
        {
            middle.Insert(random.Next(0, 2), "## " + Pick(book.Subheadings, random));
        }

        blocks.AddRange(middle);
        blocks.Add(Pick(book.Closings, random));

        var markdown = string.Join("\n\n", blocks.Select(b => Fill(b, slots)));
        return (gatedSentence is null ? markdown : markdown.Replace("{gated}", gatedSentence, StringComparison.Ordinal), gatedSentence);
    }

    private static List<(string Key, string Value)> SlotsFor(DemoStory story, int index, DateTime utcNow, Random random)
    {
        var voices = Shuffled(DemoVoices.For(story.Section, story.Tags), random).Take(2).ToArray();
        var month = utcNow.AddMonths(random.Next(2, 6)).ToString("MMMM", CultureInfo.InvariantCulture);
        return
        [
            // Roles may themselves name {place} or {institution}, so people go first.
            ("{person}", voices[0].Name), ("{role}", voices[0].Role),
            ("{person2}", voices[1].Name), ("{role2}", voices[1].Role),
            ("{Topic}", Capitalised(story.Topic)), ("{topic}", story.Topic),
            ("{Institution}", Capitalised(story.Institution)), ("{institution}", story.Institution),
            ("{Place}", Capitalised(story.Place)), ("{place}", story.Place),
            // House style spells out numbers below ten.
            ("{n}", SmallNumbers[random.Next(SmallNumbers.Length)]),
            ("{big}", (random.Next(12, 99) * 100).ToString("N0", CultureInfo.InvariantCulture)),
            ("{money}", (random.Next(12, 249) / 10.0).ToString("0.0", CultureInfo.InvariantCulture)),
            ("{pct}", random.Next(8, 47).ToString(CultureInfo.InvariantCulture)),
            ("{year}", random.Next(2009, 2020).ToString(CultureInfo.InvariantCulture)),
            ("{month}", month),
            ("{weekday}", Pick(Weekdays, random)),
            ("{slug}", SlugText.From(story.Headline, 60)),
            ("{ref}", ReferenceOf(index, random)),
        ];
    }

    /// <summary>"HG-" plus the story's catalogue number makes every reference, and so every gated sentence, unique.</summary>
    private static string ReferenceOf(int index, Random random)
    {
        var letters = new StringBuilder(3);
        for (var i = 0; i < 3; i++)
        {
            letters.Append((char)('A' + random.Next(26)));
        }

        return $"HG-{index + 101}-{letters}";
    }

    private static string Fill(string template, List<(string Key, string Value)> slots)
    {
        var text = template;
        foreach (var (key, value) in slots)
        {
            text = text.Replace(key, value, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static List<T> Shuffled<T>(IReadOnlyList<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
