using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Tiers and plan mappings, cached briefly per instance so every page resolves the reader's tier without a query.
/// Admin edits announce themselves on <see cref="SignalChannels.TiersChanged"/>: every instance that hears it drops
/// its map, so a change applies on the next page load; an instance the signal does not reach picks it up when its
/// cache expires (<see cref="EntitlementOptions.MappingCacheDuration"/>).
/// </summary>
public sealed class TierCatalog : IDisposable
{
    private static readonly object CacheKey = new();
    private readonly IServiceScopeFactory scopes;
    private readonly IMemoryCache cache;
    private readonly IOptions<EntitlementOptions> options;
    private readonly IDisposable _changes;

    public TierCatalog(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<EntitlementOptions> options, IInstanceSignals signals)
    {
        this.scopes = scopes;
        this.cache = cache;
        this.options = options;
        _changes = signals.Subscribe(SignalChannels.TiersChanged, _ => Invalidate());
    }

    /// <summary>Synchronous for components that read the reader synchronously; the query runs only on a cache miss.</summary>
    public TierMap Get() => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = Duration;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tiers = db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).Select(t => new ReaderTier(t.Slug, t.Name, t.Rank)).ToList();
        var mappings = db.PlanMappings.AsNoTracking()
            .Select(m => new { m.ProviderKey, m.PlanKey, m.AccessTier.Slug, m.AccessTier.Name, m.AccessTier.Rank }).ToList();
        return new TierMap(tiers, mappings.Select(m => (m.ProviderKey, m.PlanKey, new ReaderTier(m.Slug, m.Name, m.Rank))));
    })!;

    public void Invalidate() => cache.Remove(CacheKey);

    public void Dispose() => _changes.Dispose();

    // A zero duration means "no caching", which IMemoryCache expresses as the shortest positive lifetime.
    private TimeSpan Duration => options.Value.MappingCacheDuration > TimeSpan.Zero ? options.Value.MappingCacheDuration : TimeSpan.FromTicks(1);
}
