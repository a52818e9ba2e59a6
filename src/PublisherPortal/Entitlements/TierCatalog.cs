using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Infrastructure.Telemetry;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Tiers and plan mappings, cached per instance so every page resolves the reader's tier without a query. An admin's
/// change is announced on <see cref="SignalChannels.ContentChanged"/> with <see cref="CacheTag"/> (Articles/ContentChanges),
/// which clears this cache on every instance at once; <see cref="EntitlementOptions.MappingCacheDuration"/> bounds it
/// should that news be lost. A load that raced a change is used once and not kept.
/// </summary>
public sealed class TierCatalog : IDisposable
{
    /// <summary>The cache tag of tiers and plan mappings.</summary>
    public const string CacheTag = "tiers";

    private static readonly object CacheKey = new();
    private readonly Lock _gate = new();
    private long _generation;

    private readonly IServiceScopeFactory _scopes;
    private readonly IMemoryCache _cache;
    private readonly IOptions<EntitlementOptions> _options;
    private readonly PortalMetrics _metrics;
    private readonly IDisposable _changes;

    public TierCatalog(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<EntitlementOptions> options, IInstanceSignals signals, PortalMetrics metrics)
    {
        _scopes = scopes;
        _metrics = metrics;
        _cache = cache;
        _options = options;
        _changes = signals.Subscribe(SignalChannels.ContentChanged, message =>
        {
            if (ContentChangeMessage.Evicts(message, CacheTag))
            {
                Invalidate();
            }
        });
    }

    /// <summary>Synchronous for components that read the reader synchronously; the query runs only on a cache miss.</summary>
    public TierMap Get()
    {
        if (_cache.TryGetValue(CacheKey, out TierMap? map) && map is not null)
        {
            _metrics.CacheLookup("tiers", hit: true);
            return map;
        }

        _metrics.CacheLookup("tiers", hit: false);

        var generation = Interlocked.Read(ref _generation);
        using (var scope = _scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tiers = db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).Select(t => new ReaderTier(t.Slug, t.Name, t.Rank)).ToList();
            var mappings = db.PlanMappings.AsNoTracking()
                .Select(m => new { m.ProviderKey, m.PlanKey, m.Offer, m.AccessTier.Slug, m.AccessTier.Name, m.AccessTier.Rank }).ToList();
            map = new TierMap(
                tiers,
                mappings.Select(m => (m.ProviderKey, m.PlanKey, new ReaderTier(m.Slug, m.Name, m.Rank))),
                mappings.Where(m => m.Offer != null).Select(m => (m.ProviderKey, m.Offer!, new ReaderTier(m.Slug, m.Name, m.Rank))));
        }

        lock (_gate)
        {
            if (generation == _generation)
            {
                _cache.Set(CacheKey, map, Duration);
            }
        }

        return map;
    }

    /// <summary>Forgets the tiers on this instance only; an admin's change goes through Articles/ContentChanges instead.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _cache.Remove(CacheKey);
        }
    }

    public void Dispose() => _changes.Dispose();

    // A zero duration means "no caching", which IMemoryCache expresses as the shortest positive lifetime.
    private TimeSpan Duration => _options.Value.MappingCacheDuration > TimeSpan.Zero ? _options.Value.MappingCacheDuration : TimeSpan.FromTicks(1);
}
