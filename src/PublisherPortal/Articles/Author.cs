namespace PublisherPortal.Articles;

public sealed class Author
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    /// <summary>Job title shown in bylines, e.g. "Economics correspondent".</summary>
    public string? Role { get; set; }
    public string? Bio { get; set; }
    /// <summary>A portrait for the author's page: an http(s) address or a path on this site.</summary>
    public string? PhotoUrl { get; set; }
}
