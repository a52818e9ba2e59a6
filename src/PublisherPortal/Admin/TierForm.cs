namespace PublisherPortal.Admin;

/// <summary>A tier as posted by the admin form; <c>Original*</c> are the values the form was shown with.</summary>
public sealed class TierForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public int? Rank { get; set; }
    public string? Description { get; set; }
    public string? OriginalName { get; set; }
    public string? OriginalSlug { get; set; }
    public int? OriginalRank { get; set; }
    public string? OriginalDescription { get; set; }
}
