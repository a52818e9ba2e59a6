using PublisherPortal.Paywall;

using PublisherPortal.Entitlements;

namespace PublisherPortal.Articles;

/// <summary>A piece of journalism. The body is Markdown and is only ever rendered through the access decision.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    /// <summary>The dek: one or two sentences shown in lists, feeds and to every reader.</summary>
    public required string Summary { get; set; }
    public required string Body { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public List<ArticleTag> Tags { get; set; } = [];
    public List<ArticleAuthor> Authors { get; set; } = [];
    public string? HeroImageUrl { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public ArticleStatus Status { get; set; }
    /// <summary>UTC. For Scheduled articles, when they go live.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public AccessLevel AccessLevel { get; set; }
    /// <summary>Set only when <see cref="AccessLevel"/> is <see cref="AccessLevel.Tier"/>.</summary>
    public int? MinimumTierId { get; set; }
    public AccessTier? MinimumTier { get; set; }
    /// <summary>How many leading paragraphs a reader without access gets; null means the site's <c>Portal:TeaserParagraphs</c>.</summary>
    public int? TeaserParagraphs { get; set; }
    /// <summary>Optimistic concurrency: a conflicting edit is refused, never silently overwritten.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
