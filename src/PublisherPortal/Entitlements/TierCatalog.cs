using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Infrastructure.Telemetry;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Tiers and plan mappings, cached briefly per instance so every page resolves the reader's tier without a query.
/// Admin edits call <see cref="Invalidate"/>, so a change applies on the next page load on this instance and, through
/// <see cref="SignalChannels.TiersChanged"/>, on every other; an instance the signal misses picks it up when its cache
/// expires (<see cref="EntitlementOptions.MappingCacheDuration"/>).
/// </summary>
public sealed class TierCatalog : IDisposable
{
    private static readonly object CacheKey = new();
    private readonly IServiceScopeFactory scopes;
    private readonly IMemoryCache cache;
    private readonly IOptions<EntitlementOptions> options;
    private readonly IInstanceSignals signals;
    private readonly PortalMetrics metrics;
    private readonly IDisposable _changes;

    public TierCatalog(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<EntitlementOptions> options, IInstanceSignals signals, PortalMetrics metrics)
    {
        this.scopes = scopes;
        this.cache = cache;
        this.options = options;
        this.signals = signals;
        this.metrics = metrics;
        _changes = signals.Subscribe(SignalChannels.TiersChanged, _ => cache.Remove(CacheKey));
    }

    /// <summary>Synchronous for components that read the reader synchronously; the query runs only on a cache miss.</summary>
    public TierMap Get()
    {
        if (cache.TryGetValue(CacheKey, out TierMap? cached) && cached is not null)
        {
            metrics.CacheLookup("tiers", hit: true);
            return cached;
        }

        metrics.CacheLookup("tiers", hit: false);
        return Load();
    }

    private TierMap Load() => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = Duration;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tiers = db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).Select(t => new ReaderTier(t.Slug, t.Name, t.Rank)).ToList();
        var mappings = db.PlanMappings.AsNoTracking()
            .Select(m => new { m.ProviderKey, m.PlanKey, m.AccessTier.Slug, m.AccessTier.Name, m.AccessTier.Rank }).ToList();
        return new TierMap(tiers, mappings.Select(m => (m.ProviderKey, m.PlanKey, new ReaderTier(m.Slug, m.Name, m.Rank))));
    })!;

    /// <summary>Forgets the cached tiers here at once (the signal's local delivery) and tells the other instances.</summary>
    public void Invalidate() => _ = signals.PublishAsync(SignalChannels.TiersChanged, "changed");

    public void Dispose() => _changes.Dispose();

    // A zero duration means "no caching", which IMemoryCache expresses as the shortest positive lifetime.
    private TimeSpan Duration => options.Value.MappingCacheDuration > TimeSpan.Zero ? options.Value.MappingCacheDuration : TimeSpan.FromTicks(1);
}
