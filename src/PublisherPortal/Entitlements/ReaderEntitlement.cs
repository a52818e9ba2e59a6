namespace PublisherPortal.Entitlements;

/// <summary>What a signed-in reader's plans open at this moment: the plan keys still current and the best tier they map to.</summary>
public sealed record ReaderEntitlement(IReadOnlyList<string> PlanKeys, ReaderTier? Tier, bool PlanLapsed)
{
    public static ReaderEntitlement None { get; } = new([], null, false);
}
