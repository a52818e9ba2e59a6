using PublisherPortal.Paywall;

namespace PublisherPortal.Articles;

/// <summary>A published article as the article page loads it. <see cref="Body"/> is Markdown, rendered only through the access decision.</summary>
public sealed record ArticleDetail(
    int Id,
    string Slug,
    string Title,
    string Summary,
    string Body,
    Guid Version,
    string SectionName,
    string SectionSlug,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    AccessRule Access,
    IReadOnlyList<AuthorRef> Authors,
    IReadOnlyList<TagRef> Tags,
    string? HeroImageUrl,
    string? HeroImageAlt,
    string? SeoTitle,
    string? SeoDescription,
    int? TeaserParagraphs = null)
{
    /// <summary>For cache tags: the page shows its section's name.</summary>
    public int SectionId { get; init; }

    /// <summary>For cache tags: the badge and the paywall name this tier.</summary>
    public int? MinimumTierId { get; init; }

    /// <summary>What keeping it costs: the Markdown body dominates (two bytes a character).</summary>
    public long Size => (Body.Length + Title.Length + Summary.Length) * 2L + 1024;
}
