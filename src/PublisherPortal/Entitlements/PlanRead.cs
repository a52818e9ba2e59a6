namespace PublisherPortal.Entitlements;

/// <summary>The plans a provider reported for a reader just now, and where they came from (<see cref="PlanSources"/>).</summary>
public sealed record PlanRead(IReadOnlyList<ProviderPlan> Plans, string Source)
{
    public static PlanRead NoPlans { get; } = new([], PlanSources.None);
}
