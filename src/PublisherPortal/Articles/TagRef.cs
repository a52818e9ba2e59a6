namespace PublisherPortal.Articles;

public sealed record TagRef(string Name, string Slug)
{
    /// <summary>For cache tags: a story's topics change with the tag.</summary>
    public int Id { get; init; }
}
