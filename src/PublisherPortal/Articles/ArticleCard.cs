using PublisherPortal.Paywall;

namespace PublisherPortal.Articles;

/// <summary>
/// What lists, feeds and search show of an article. It has no body on purpose: a list cannot leak what it never loads.
/// </summary>
public sealed record ArticleCard(
    int Id,
    string Slug,
    string Title,
    string Summary,
    string SectionName,
    string SectionSlug,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    AccessRule Access,
    IReadOnlyList<AuthorRef> Authors,
    string? HeroImageUrl,
    string? HeroImageAlt)
{
    /// <summary>For cache tags: the card shows its section's name.</summary>
    public int SectionId { get; init; }

    /// <summary>For cache tags: the card's badge names this tier.</summary>
    public int? MinimumTierId { get; init; }
}
