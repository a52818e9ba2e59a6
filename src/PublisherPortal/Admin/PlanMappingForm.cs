namespace PublisherPortal.Admin;

/// <summary>A plan mapping as posted; <see cref="OriginalTierId"/> is the tier the form was shown with.</summary>
public sealed class PlanMappingForm
{
    public string? Provider { get; set; }
    public string? PlanKey { get; set; }
    public int? TierId { get; set; }
    public int? OriginalTierId { get; set; }
    /// <summary>Set when mapping from the "plans seen but unmapped" list: that row is cleared.</summary>
    public int? UnmappedId { get; set; }
}
