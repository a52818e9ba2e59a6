using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Caching;
using PublisherPortal.Data;
using PublisherPortal.Paywall;

namespace PublisherPortal.Articles;

/// <summary>
/// The reader-facing read side: only live articles (published, or scheduled and due), newest first, paged by keyset.
/// Lists project to <see cref="ArticleCard"/> and never load bodies. A story and every list page are the same for every
/// reader, so they are remembered (<see cref="ContentCache"/>) until a change evicts them or, for a list, until the
/// next scheduled story joins it (<see cref="ScheduledStories"/>).
/// </summary>
public sealed class ArticleQueries(PortalDbContext db, TimeProvider clock, ContentCache cache, ScheduledStories schedule)
{
    public const int MaxPageSize = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<Article> Live()
    {
        var now = Now;
        return db.Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt != null && a.PublishedAt <= now);
    }

    /// <summary>A live story by slug, remembered until it changes. Unknown slugs are not remembered.</summary>
    public async Task<ArticleDetail?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        await cache.GetOrLoadAsync("story-by-slug:" + slug, async () =>
        {
            var article = await Live().Where(a => a.Slug == slug).Select(a => new ArticleDetail(
                    a.Id, a.Slug, a.Title, a.Summary, a.Body, a.Version,
                    a.Section.Name, a.Section.Slug,
                    a.PublishedAt!.Value, a.UpdatedAt,
                    new AccessRule(a.AccessLevel, a.MinimumTier == null ? null : a.MinimumTier.Rank, a.MinimumTier == null ? null : a.MinimumTier.Name),
                    a.Authors.OrderBy(x => x.Position).Select(x => new AuthorRef(x.Author.Name, x.Author.Slug, x.Author.Role) { Id = x.AuthorId }).ToList(),
                    a.Tags.OrderBy(x => x.Tag.Name).Select(x => new TagRef(x.Tag.Name, x.Tag.Slug) { Id = x.TagId }).ToList(),
                    a.HeroImageUrl, a.HeroImageAlt, a.SeoTitle, a.SeoDescription, a.TeaserParagraphs)
                { SectionId = a.SectionId, MinimumTierId = a.MinimumTierId })
                // Three small queries rather than one: SQLite materialises the whole author and tag join tables for the
                // single-query shape (0.3-0.4 s per story at 100k stories; docs/database.md, "Indexes").
                .AsSplitQuery()
                .FirstOrDefaultAsync(cancellationToken);
            if (article is not null)
            {
                ContentReads.Record(ContentTags.Of(article));
            }

            return article;
        }, article => article.Size);

    /// <summary>
    /// Where a slug that is not live now points: the current slug of the live story it was renamed from (answered with
    /// a permanent redirect), whether it is a story the newsroom took down (answered 410 Gone), or neither (404).
    /// </summary>
    public async Task<SlugFate> FateOfAsync(string slug, CancellationToken cancellationToken = default)
    {
        var renamed = await db.ArticleSlugRedirects.AsNoTracking().Where(r => r.OldSlug == slug)
            .Select(r => r.ArticleId).FirstOrDefaultAsync(cancellationToken);
        if (renamed != 0 && await Live().Where(a => a.Id == renamed).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken) is { } current)
        {
            return new SlugFate(current, Gone: false);
        }

        var gone = await db.Articles.AsNoTracking()
            .AnyAsync(a => (a.Slug == slug || a.Id == renamed) && a.Status == ArticleStatus.Unpublished, cancellationToken);
        return new SlugFate(null, gone);
    }

    /// <summary>
    /// Markdown bodies of the given live articles. Callers pass only ids the access decision said Full for; the RSS
    /// feed is the one list channel that may carry full text.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, (Guid Version, string Markdown)>> BodiesAsync(
        IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<int, (Guid, string)>();
        }

        ContentReads.Record(ids.Select(ContentTags.Story));
        var rows = await Live().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Version, a.Body }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.Version, r.Body));
    }

    public Task<ArticleCardPage> LatestAsync(PageCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        CachedPageAsync(ContentTags.LatestList, () => Live(), after, pageSize, cancellationToken);

    public Task<ArticleCardPage> InSectionAsync(int sectionId, PageCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        CachedPageAsync(ContentTags.SectionList(sectionId), () => Live().Where(a => a.SectionId == sectionId), after, pageSize, cancellationToken);

    public Task<ArticleCardPage> WithTagAsync(int tagId, PageCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        CachedPageAsync(ContentTags.TagList(tagId), () => Live().Where(a => a.Tags.Any(t => t.TagId == tagId)), after, pageSize, cancellationToken);

    public Task<ArticleCardPage> ByAuthorAsync(int authorId, PageCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        CachedPageAsync(ContentTags.AuthorList(authorId), () => Live().Where(a => a.Authors.Any(x => x.AuthorId == authorId)), after, pageSize, cancellationToken);

    /// <summary>
    /// One page of a list, remembered with the list's tag and its cards' tags, until the list's next scheduled story.
    /// The schedule is asked before the query is built (<see cref="ScheduledStories.NextGoLiveAsync"/>).
    /// </summary>
    private async Task<ArticleCardPage> CachedPageAsync(
        string list, Func<IQueryable<Article>> query, PageCursor? after, int pageSize, CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync($"{list}|{after?.Encode()}|{pageSize}", async () =>
        {
            ContentReads.ValidUntil(await schedule.NextGoLiveAsync(list, cancellationToken));
            ContentReads.Record(list);
            return await PageAsync(query(), after, pageSize, cancellationToken);
        }, SizeOf))!;

    /// <summary>Newest first, keyset-paged after <paramref name="after"/>: the one way every list pages. Records its cards' tags.</summary>
    public static async Task<ArticleCardPage> PageAsync(IQueryable<Article> query, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        if (after is { } c)
        {
            // The leading "<=" is implied by the OR, but only it bounds an index range: without it a deep page walks the
            // index from the newest story down to the cursor.
            query = query.Where(a => a.PublishedAt <= c.PublishedAt && (a.PublishedAt < c.PublishedAt || (a.PublishedAt == c.PublishedAt && a.Id < c.Id)));
        }

        var items = await query
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(pageSize + 1)
            .Select(CardProjection)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        string? next = null;
        if (items.Count > pageSize)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            next = new PageCursor(last.PublishedAt, last.Id).Encode();
        }

        ContentReads.Record(items.SelectMany(ContentTags.Of));
        return new ArticleCardPage(items, next);
    }

    /// <summary>What keeping a list page costs, roughly: a card is a few hundred characters.</summary>
    internal static long SizeOf(ArticleCardPage page) => 256 + page.Items.Sum(c => (c.Title.Length + c.Summary.Length + c.Slug.Length) * 2L + 400);

    internal static readonly Expression<Func<Article, ArticleCard>> CardProjection = a => new ArticleCard(
        a.Id, a.Slug, a.Title, a.Summary,
        a.Section.Name, a.Section.Slug,
        a.PublishedAt!.Value, a.UpdatedAt,
        new AccessRule(a.AccessLevel, a.MinimumTier == null ? null : a.MinimumTier.Rank, a.MinimumTier == null ? null : a.MinimumTier.Name),
        a.Authors.OrderBy(x => x.Position).Select(x => new AuthorRef(x.Author.Name, x.Author.Slug, x.Author.Role) { Id = x.AuthorId }).ToList(),
        a.HeroImageUrl, a.HeroImageAlt)
    { SectionId = a.SectionId, MinimumTierId = a.MinimumTierId };
}
