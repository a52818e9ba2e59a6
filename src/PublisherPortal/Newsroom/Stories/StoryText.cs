using System.Globalization;
using System.Text;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// A story's editable fields as lines of text, one field a line and the body last, line by line: what two revisions
/// are diffed as, so a diff shows a changed title or access level as plainly as a changed paragraph.
/// </summary>
public static class StoryText
{
    public static string Of(StoryForm form)
    {
        var text = new StringBuilder();
        Line(text, "Title", form.Title);
        Line(text, "Slug", form.Slug);
        Line(text, "Standfirst", form.Summary);
        Line(text, "Section", form.SectionId?.ToString(CultureInfo.InvariantCulture));
        Line(text, "Tags", string.Join(", ", form.Tags));
        Line(text, "Authors", string.Join(", ", form.AuthorIds.Select(i => i.ToString(CultureInfo.InvariantCulture))));
        Line(text, "Hero image", form.HeroImageUrl);
        Line(text, "Hero image alt", form.HeroImageAlt);
        Line(text, "SEO title", form.SeoTitle);
        Line(text, "SEO description", form.SeoDescription);
        Line(text, "Access", form.AccessLevel + (form.MinimumTierId is { } tier ? " " + tier.ToString(CultureInfo.InvariantCulture) : ""));
        Line(text, "Teaser paragraphs", form.TeaserParagraphs?.ToString(CultureInfo.InvariantCulture));
        text.Append("Body:\n").Append((form.Body ?? "").ReplaceLineEndings("\n"));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string? value) =>
        text.Append(label).Append(": ").Append((value ?? "").ReplaceLineEndings(" ")).Append('\n');
}
