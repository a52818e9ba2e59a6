using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PublisherPortal.Data;

namespace PublisherPortal.Articles;

/// <summary>Sections, tags and authors by slug, and the navigation's section list (cached briefly: it changes rarely).</summary>
public sealed class TaxonomyQueries(PortalDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan NavigationLifetime = TimeSpan.FromSeconds(60);

    public Task<Section?> FindSectionAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public Task<Tag?> FindTagAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public Task<Author?> FindAuthorAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync("navigation-sections", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = NavigationLifetime;
            return (IReadOnlyList<Section>)await db.Sections.AsNoTracking()
                .OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        }))!;

    public async Task<IReadOnlyList<Tag>> TagsAsync(CancellationToken cancellationToken = default) =>
        await db.Tags.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Author>> AuthorsAsync(CancellationToken cancellationToken = default) =>
        await db.Authors.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
}
