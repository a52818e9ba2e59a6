namespace PublisherPortal.Articles;

/// <summary>One page of a newest-first list, and the cursor of the next page when there is one.</summary>
public sealed record ArticleCardPage(IReadOnlyList<ArticleCard> Items, string? NextCursor);
