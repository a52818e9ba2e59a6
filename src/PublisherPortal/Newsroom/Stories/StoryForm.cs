using PublisherPortal.Paywall;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// Every field the story editor edits, as the editor holds them. A revision stores exactly these, and restoring one
/// fills a form with them, so "what was saved" and "what can be edited" cannot drift apart.
/// </summary>
public sealed class StoryForm
{
    public string? Title { get; set; }

    /// <summary>Empty: generated from the title on the first save.</summary>
    public string? Slug { get; set; }

    /// <summary>The standfirst (stored as the article's summary): shown in lists, feeds and to every reader.</summary>
    public string? Summary { get; set; }

    public string? Body { get; set; }
    public int? SectionId { get; set; }

    /// <summary>Tag names; a name no tag has yet becomes a new tag when the story is saved.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Byline, in order.</summary>
    public List<int> AuthorIds { get; set; } = [];

    public string? HeroImageUrl { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public AccessLevel AccessLevel { get; set; } = AccessLevel.Public;

    /// <summary>Only with <see cref="AccessLevel.Tier"/>.</summary>
    public int? MinimumTierId { get; set; }

    /// <summary>Null: the site's default teaser length.</summary>
    public int? TeaserParagraphs { get; set; }

    public StoryForm Copy() => new()
    {
        Title = Title, Slug = Slug, Summary = Summary, Body = Body, SectionId = SectionId, Tags = [.. Tags], AuthorIds = [.. AuthorIds],
        HeroImageUrl = HeroImageUrl, HeroImageAlt = HeroImageAlt, SeoTitle = SeoTitle, SeoDescription = SeoDescription,
        AccessLevel = AccessLevel, MinimumTierId = MinimumTierId, TeaserParagraphs = TeaserParagraphs,
    };

    /// <summary>Whether the reader-facing access differs from <paramref name="other"/>'s: only editors may change that.</summary>
    public bool SameAccessAs(StoryForm other) =>
        AccessLevel == other.AccessLevel && (AccessLevel != AccessLevel.Tier || MinimumTierId == other.MinimumTierId);

    /// <summary>The same content as <paramref name="other"/>: what the unsaved-changes warning compares.</summary>
    public bool SameAs(StoryForm other) => StoryText.Of(this) == StoryText.Of(other);
}
