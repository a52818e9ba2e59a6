namespace PublisherPortal.Articles;

public sealed record TagRef(string Name, string Slug);
