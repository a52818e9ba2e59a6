namespace PublisherPortal.Articles;

public sealed record AuthorRef(string Name, string Slug, string? Role)
{
    /// <summary>For cache tags: a byline changes with its author.</summary>
    public int Id { get; init; }
}
