namespace PublisherPortal.Articles;

/// <summary>What the article page answers for a slug that is not live: a redirect to <see cref="MovedTo"/>, 410 when <see cref="Gone"/>, else 404.</summary>
public sealed record SlugFate(string? MovedTo, bool Gone);
