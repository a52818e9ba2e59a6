using PublisherPortal.Paywall;

namespace PublisherPortal.Newsroom;

/// <summary>
/// One save of a story: who saved it, when, and every field the editor edits, as they were saved. Restoring a
/// revision saves these fields again (as a new revision), so history only grows. The first revision's author is the
/// story's owner, whose own stories contributors and authors may work on.
/// </summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime At { get; set; }
    public required string ActorIssuer { get; set; }
    public required string ActorSubject { get; set; }
    public required string ActorName { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    public int SectionId { get; set; }

    /// <summary>Tag names in order, one a line: names, not ids, so a later merge of tags cannot change what was saved.</summary>
    public required string Tags { get; set; }

    /// <summary>Author ids in byline order, comma-separated.</summary>
    public required string AuthorIds { get; set; }

    public string? HeroImageUrl { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public AccessLevel AccessLevel { get; set; }
    public int? MinimumTierId { get; set; }
    public int? TeaserParagraphs { get; set; }
}
