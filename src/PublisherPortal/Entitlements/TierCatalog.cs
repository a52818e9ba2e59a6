using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Tiers and plan mappings, cached briefly per instance so every page resolves the reader's tier without a query.
/// Admin edits call <see cref="Invalidate"/>, so on this instance a change applies on the next page load; other
/// instances pick it up when their cache expires (<see cref="EntitlementOptions.MappingCacheDuration"/>).
/// </summary>
public sealed class TierCatalog(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<EntitlementOptions> options)
{
    private static readonly object CacheKey = new();

    /// <summary>Synchronous for components that read the reader synchronously; the query runs only on a cache miss.</summary>
    public TierMap Get() => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = Duration;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tiers = db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).Select(t => new ReaderTier(t.Slug, t.Name, t.Rank)).ToList();
        var mappings = db.PlanMappings.AsNoTracking()
            .Select(m => new { m.ProviderKey, m.PlanKey, m.Offer, m.AccessTier.Slug, m.AccessTier.Name, m.AccessTier.Rank }).ToList();
        return new TierMap(
            tiers,
            mappings.Select(m => (m.ProviderKey, m.PlanKey, new ReaderTier(m.Slug, m.Name, m.Rank))),
            mappings.Where(m => m.Offer != null).Select(m => (m.ProviderKey, m.Offer!, new ReaderTier(m.Slug, m.Name, m.Rank))));
    })!;

    public void Invalidate() => cache.Remove(CacheKey);

    // A zero duration means "no caching", which IMemoryCache expresses as the shortest positive lifetime.
    private TimeSpan Duration => options.Value.MappingCacheDuration > TimeSpan.Zero ? options.Value.MappingCacheDuration : TimeSpan.FromTicks(1);
}
