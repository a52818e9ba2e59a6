using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// What the story list asks for; every field optional. <see cref="Access"/> with <see cref="AccessLevel.Tier"/> and a
/// <see cref="TierId"/> is one tier; without one, every tiered story.
/// </summary>
public sealed record StoryFilter(
    ArticleStatus? Status = null, int? SectionId = null, AccessLevel? Access = null, int? TierId = null, int? AuthorId = null, string? Text = null,
    string? SortBy = null, bool Descending = true);

/// <summary>One line of the story list: never the body.</summary>
public sealed record StoryRow(
    int Id, string Title, string Slug, ArticleStatus Status, string SectionName, AccessLevel Access, string? TierName,
    DateTime? PublishedAt, DateTime UpdatedAt, IReadOnlyList<string> Authors);

public sealed record StoryPage(IReadOnlyList<StoryRow> Rows, int Total, IReadOnlyDictionary<ArticleStatus, int> Counts, Staff.StaffResult? Refusal);

public sealed record RevisionRow(long Id, DateTime At, string ActorName, string Title);
