namespace PublisherPortal.Newsroom.Stories;

/// <summary>Who started a story (its first revision's author); null for stories that came from elsewhere (the demo seed).</summary>
public sealed record StoryOwner(string Issuer, string Subject, string Name);
