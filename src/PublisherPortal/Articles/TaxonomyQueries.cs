using Microsoft.EntityFrameworkCore;
using PublisherPortal.Caching;
using PublisherPortal.Data;

namespace PublisherPortal.Articles;

/// <summary>
/// Sections, tags and authors by slug, and the navigation's section list, remembered until one of them changes
/// (<see cref="ContentChanges"/>). Unknown slugs (typos, scanners) are not remembered.
/// </summary>
public sealed class TaxonomyQueries(PortalDbContext db, ContentCache cache)
{
    public async Task<Section?> FindSectionAsync(string slug, CancellationToken cancellationToken = default) =>
        await cache.GetOrLoadAsync("section-by-slug:" + slug, async () =>
            Tagged(await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken), s => ContentTags.Section(s.Id)),
            _ => 1024);

    public async Task<Tag?> FindTagAsync(string slug, CancellationToken cancellationToken = default) =>
        await cache.GetOrLoadAsync("tag-by-slug:" + slug, async () =>
            Tagged(await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken), t => ContentTags.Tag(t.Id)),
            _ => 512);

    public async Task<Author?> FindAuthorAsync(string slug, CancellationToken cancellationToken = default) =>
        await cache.GetOrLoadAsync("author-by-slug:" + slug, async () =>
            Tagged(await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken), a => ContentTags.Author(a.Id)),
            author => 1024 + (author.Bio?.Length ?? 0) * 2L);

    public async Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrLoadAsync<IReadOnlyList<Section>>("navigation-sections", async () =>
        {
            ContentReads.Record(ContentTags.Navigation);
            return await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        }, sections => 256 + sections.Count * 512L))!;

    private static T? Tagged<T>(T? found, Func<T, string> tag)
        where T : class
    {
        if (found is not null)
        {
            ContentReads.Record(tag(found));
        }

        return found;
    }
}
