using Microsoft.EntityFrameworkCore;
using PublisherPortal.Caching;

namespace PublisherPortal.Articles;

/// <summary>
/// Builds the home page. The result holds no reader-specific data (cards carry no body), so every reader shares it
/// until a story joins, leaves or changes in the lists it shows, or the next scheduled story goes live.
/// </summary>
public sealed class FrontPageQuery(ArticleQueries articles, TaxonomyQueries taxonomy, ContentCache cache, ScheduledStories schedule)
{
    public const int LatestCount = 8;
    public const int PerSection = 4;

    public async Task<FrontPage> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrLoadAsync("front-page", () => BuildAsync(cancellationToken), SizeOf))!;

    private async Task<FrontPage?> BuildAsync(CancellationToken cancellationToken)
    {
        // Every story that goes live joins the latest list, so its next change bounds the whole page.
        ContentReads.ValidUntil(await schedule.NextGoLiveAsync(ContentTags.LatestList, cancellationToken));
        var top = await articles.LatestAsync(null, LatestCount + 1, cancellationToken);
        var lead = top.Items.FirstOrDefault();
        var shown = top.Items.Select(a => a.Id).ToHashSet();

        var sections = new List<FrontPageSection>();
        foreach (var section in await taxonomy.SectionsAsync(cancellationToken))
        {
            ContentReads.Record(ContentTags.SectionList(section.Id));
            var items = await articles.Live()
                .Where(a => a.SectionId == section.Id && !shown.Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(PerSection)
                .Select(ArticleQueries.CardProjection)
                .AsSingleQuery()
                .ToListAsync(cancellationToken);
            ContentReads.Record(items.SelectMany(ContentTags.Of));
            if (items.Count > 0)
            {
                sections.Add(new FrontPageSection(section, items));
            }
        }

        return new FrontPage(lead, top.Items.Skip(1).ToList(), sections);
    }

    private static long SizeOf(FrontPage page) =>
        ArticleQueries.SizeOf(new ArticleCardPage([.. page.Latest, .. page.Sections.SelectMany(s => s.Articles)], null)) + 1024;
}
