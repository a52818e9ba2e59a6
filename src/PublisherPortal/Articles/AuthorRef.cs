namespace PublisherPortal.Articles;

public sealed record AuthorRef(string Name, string Slug, string? Role);
