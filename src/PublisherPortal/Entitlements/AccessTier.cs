namespace PublisherPortal.Entitlements;

/// <summary>An admin-defined level of access. A higher rank opens every lower-ranked tier's articles.</summary>
public sealed class AccessTier
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public int Rank { get; set; }
    public string? Description { get; set; }
}
