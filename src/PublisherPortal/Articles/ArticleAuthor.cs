namespace PublisherPortal.Articles;

public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    /// <summary>Byline order, lowest first.</summary>
    public int Position { get; set; }
}
