namespace PublisherPortal.Entitlements;

/// <summary>
/// From a session's plan snapshot to the reader's tier, at this moment: subscriptions whose end has passed stop
/// counting, a last-known snapshot counts only during its grace period and never above the tier it gave, and the
/// best remaining mapped tier wins. The one place that turns plans into a tier: a reader's own requests and the
/// admin's access explainer both come through here.
/// </summary>
public static class TierResolution
{
    public static ReaderEntitlement Resolve(
        string? providerKey, EntitlementSnapshot snapshot, TierMap map, DateTimeOffset now, TimeSpan lastKnownGrace)
    {
        var lapsed = snapshot.Lapsed;
        var current = snapshot.PlanKeys.Where(k => !snapshot.ExpiresAt.TryGetValue(k, out var end) || end > now).ToList();
        if (current.Count < snapshot.PlanKeys.Count)
        {
            lapsed = true;
        }

        if (snapshot.Source == PlanSources.LastKnown && now - snapshot.ReadAt > lastKnownGrace)
        {
            current = [];
        }

        var tier = map.BestTier(providerKey, current, snapshot.TierCap);
        return new ReaderEntitlement(current, tier, lapsed && tier is null);
    }
}
