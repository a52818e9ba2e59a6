using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PublisherPortal.Data;

namespace PublisherPortal.Articles;

/// <summary>
/// Sections, tags and authors by slug, and the navigation's section list, each cached for a minute: they change
/// rarely and decide nothing about access.
/// </summary>
public sealed class TaxonomyQueries(PortalDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan NavigationLifetime = TimeSpan.FromSeconds(60);

    public Task<Section?> FindSectionAsync(string slug, CancellationToken cancellationToken = default) =>
        FindCachedAsync("section:" + slug, () => db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken));

    public Task<Tag?> FindTagAsync(string slug, CancellationToken cancellationToken = default) =>
        FindCachedAsync("tag:" + slug, () => db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken));

    public Task<Author?> FindAuthorAsync(string slug, CancellationToken cancellationToken = default) =>
        FindCachedAsync("author:" + slug, () => db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken));

    // Only hits are remembered: unknown slugs (typos, scanners) must not fill the cache.
    private async Task<T?> FindCachedAsync<T>(string key, Func<Task<T?>> load)
        where T : class
    {
        if (cache.TryGetValue(key, out T? hit))
        {
            return hit;
        }

        var found = await load();
        if (found is not null)
        {
            cache.Set(key, found, NavigationLifetime);
        }

        return found;
    }

    public async Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync("navigation-sections", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = NavigationLifetime;
            return (IReadOnlyList<Section>)await db.Sections.AsNoTracking()
                .OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        }))!;
}
