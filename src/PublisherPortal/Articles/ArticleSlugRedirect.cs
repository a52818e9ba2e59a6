namespace PublisherPortal.Articles;

/// <summary>
/// A slug a story was published under before the newsroom renamed it: links and search results out there still use
/// it, so the article page answers it with a permanent redirect to the story's current slug.
/// </summary>
public sealed class ArticleSlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }
    public int ArticleId { get; set; }
    public DateTime CreatedAt { get; set; }
}
