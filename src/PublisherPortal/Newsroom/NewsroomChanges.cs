using PublisherPortal.Articles;

namespace PublisherPortal.Newsroom;

/// <summary>
/// The one call every newsroom write makes after it commits: when readers could see the story before or after the
/// write, the reader caches drop exactly what it touched, on every instance (docs/caching.md, "Telling the cache").
/// Announcing before the commit would let another instance re-read and keep the old row.
/// </summary>
public sealed class NewsroomChanges(ContentChanges content)
{
    /// <param name="before">The story's listing before the write; null when the write created it.</param>
    /// <param name="after">Its listing after the write.</param>
    public Task AfterCommitAsync(StoryListing? before, StoryListing after) =>
        before is { Listed: true } || after.Listed ? content.StoryChangedAsync(before, after) : Task.CompletedTask;
}
