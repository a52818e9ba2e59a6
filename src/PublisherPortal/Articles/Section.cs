namespace PublisherPortal.Articles;

public sealed class Section
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    /// <summary>Navigation and home-page order, lowest first.</summary>
    public int Position { get; set; }
}
