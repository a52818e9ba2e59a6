using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace PublisherPortal.Articles;

/// <summary>
/// Builds the home page. The result holds no reader-specific data (cards carry no body), so it is shared by every
/// reader for a few seconds: the busiest page costs a handful of queries per cache lifetime, not per request.
/// </summary>
public sealed class FrontPageQuery(ArticleQueries articles, TaxonomyQueries taxonomy, IMemoryCache cache)
{
    public const int LatestCount = 8;
    public const int PerSection = 4;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    /// <summary>The memory-cache key of the built page, for writers that must drop it at once.</summary>
    public const string CacheKey = "front-page";

    public async Task<FrontPage> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await BuildAsync(cancellationToken);
        }))!;

    private async Task<FrontPage> BuildAsync(CancellationToken cancellationToken)
    {
        var top = await articles.LatestAsync(null, LatestCount + 1, cancellationToken);
        var lead = top.Items.FirstOrDefault();
        var shown = top.Items.Select(a => a.Id).ToHashSet();

        var sections = new List<FrontPageSection>();
        foreach (var section in await taxonomy.SectionsAsync(cancellationToken))
        {
            var items = await articles.Live()
                .Where(a => a.SectionId == section.Id && !shown.Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(PerSection)
                .Select(ArticleQueries.CardProjection)
                .AsSingleQuery()
                .ToListAsync(cancellationToken);
            if (items.Count > 0)
            {
                sections.Add(new FrontPageSection(section, items));
            }
        }

        return new FrontPage(lead, top.Items.Skip(1).ToList(), sections);
    }
}
