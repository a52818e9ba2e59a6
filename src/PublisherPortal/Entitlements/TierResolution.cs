using PublisherPortal.Accounts;

namespace PublisherPortal.Entitlements;

/// <summary>
/// From a session's plan snapshot to the reader's tier, at this moment: subscriptions whose end has passed stop
/// counting, a last-known snapshot counts only during its grace period and never above the tier it gave, and the
/// best remaining mapped tier wins.
/// </summary>
public static class TierResolution
{
    public static Reader Resolve(Reader reader, EntitlementSnapshot snapshot, TierMap map, DateTimeOffset now, TimeSpan lastKnownGrace)
    {
        if (!reader.IsSignedIn)
        {
            return reader;
        }

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

        var tier = map.BestTier(reader.Provider, current, snapshot.TierCap);
        return reader with { PlanKeys = current, Tier = tier, PlanLapsed = lapsed && tier is null };
    }
}
