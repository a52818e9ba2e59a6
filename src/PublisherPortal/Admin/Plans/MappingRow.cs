namespace PublisherPortal.Admin.Plans;

/// <summary>One plan mapping as the grid shows it.</summary>
public sealed record MappingRow(int Id, string Provider, string PlanKey, int TierId, string TierName, int TierRank, string? Offer);
