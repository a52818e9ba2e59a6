using PublisherPortal.Caching;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure.Signals;

namespace PublisherPortal.Articles;

/// <summary>
/// What the content side calls after every write that changes what readers see, once the write has committed: it
/// evicts exactly the pages and query results built from what changed, on every instance
/// (<see cref="SignalChannels.ContentChanged"/>). Admin screens, the demo seeder and the newsroom call it; a write
/// that forgets to is served stale until <see cref="CachingOptions.MaxAge"/>. docs/caching.md, "Telling the cache".
/// </summary>
public sealed class ContentChanges(IInstanceSignals signals)
{
    /// <summary>
    /// A story was created, edited, published, unpublished, rescheduled, re-gated or deleted. Give its listing before
    /// the write and after it (null for "did not exist"): its own page and every list showing it are evicted, and the
    /// lists it joined or left when its visibility, time, section, tags or authors changed.
    /// </summary>
    public Task StoryChangedAsync(StoryListing? before, StoryListing? after)
    {
        var id = (before ?? after ?? throw new ArgumentException("Give the story's listing before or after the change.")).Id;
        var tags = new List<string> { ContentTags.Story(id), ContentTags.Search, ContentTags.Sitemap };
        if (before is null || after is null || !before.ListsLike(after))
        {
            tags.AddRange(before?.ListTags() ?? []);
            tags.AddRange(after?.ListTags() ?? []);
        }

        return PublishAsync(tags);
    }

    /// <summary>A section was added, renamed, described, reordered or removed: it is in every page's navigation.</summary>
    public Task SectionChangedAsync(int sectionId) =>
        PublishAsync([ContentTags.Navigation, ContentTags.Section(sectionId), ContentTags.SectionList(sectionId), ContentTags.Sitemap]);

    /// <summary>A tag was added, renamed or removed: its page, the stories that show it and the sitemap.</summary>
    public Task TagChangedAsync(int tagId) =>
        PublishAsync([ContentTags.Tag(tagId), ContentTags.TagList(tagId), ContentTags.Sitemap]);

    /// <summary>An author was added, renamed, retitled or removed: their page, every byline and the sitemap.</summary>
    public Task AuthorChangedAsync(int authorId) =>
        PublishAsync([ContentTags.Author(authorId), ContentTags.AuthorList(authorId), ContentTags.Sitemap]);

    /// <summary>
    /// A tier was created, renamed, re-ranked or deleted: the stories it gates (their badge and paywall name it) and
    /// every instance's tier catalog (readers' tiers).
    /// </summary>
    public Task TierChangedAsync(int tierId) =>
        PublishAsync([ContentTags.Tier(tierId), TierCatalog.CacheTag]);

    /// <summary>A plan mapping was added, changed or removed: readers' tiers, on every instance. No page shows mappings.</summary>
    public Task PlanMappingsChangedAsync() =>
        PublishAsync([TierCatalog.CacheTag]);

    /// <summary>Anything may have changed (a bulk load, the demo seeder): everything is forgotten.</summary>
    public Task EverythingChangedAsync() =>
        PublishAsync([ContentTags.Everything]);

    private async Task PublishAsync(IEnumerable<string> tags)
    {
        foreach (var message in ContentChangeMessage.Encode(tags))
        {
            // Never cancelled: the write has committed, so the news must go out even if the request that made it is gone.
            await signals.PublishAsync(SignalChannels.ContentChanged, message, CancellationToken.None);
        }
    }
}
