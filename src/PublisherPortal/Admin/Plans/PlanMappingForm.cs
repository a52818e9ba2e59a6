namespace PublisherPortal.Admin.Plans;

/// <summary>A plan mapping as the mapping dialog holds it; <see cref="OriginalTierId"/> is the tier it was opened with.</summary>
public sealed class PlanMappingForm
{
    public string? Provider { get; set; }
    public string? PlanKey { get; set; }
    public int? TierId { get; set; }
    public int? OriginalTierId { get; set; }

    public static string? PlanKeyError(string? value) =>
        value is null || value.Trim().Length is 0 or > 200
            ? "The plan key must be 1–200 characters, exactly as the provider reports it (e.g. premium, or Subrite's package id 102)." : null;
}
