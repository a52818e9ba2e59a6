namespace PublisherPortal.Entitlements;

/// <summary>The best access tier a reader's plans map to.</summary>
public sealed record ReaderTier(string Slug, string Name, int Rank);
