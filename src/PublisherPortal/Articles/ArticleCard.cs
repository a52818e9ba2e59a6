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
    string? HeroImageAlt);
