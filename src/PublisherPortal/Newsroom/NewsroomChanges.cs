using Microsoft.Extensions.Caching.Memory;
using PublisherPortal.Articles;

namespace PublisherPortal.Newsroom;

/// <summary>
/// The one call every newsroom write makes after it commits a change readers can see (publish, unpublish, an edit of
/// a live story, access, a slug): whatever caches reader pages must drop them now, not when they expire
/// (issue 12, "caches are evicted by the change"). Keeping it one method keeps wiring a new cache one edit.
/// </summary>
public sealed class NewsroomChanges(IMemoryCache cache)
{
    public Task AfterCommitAsync(int articleId, CancellationToken cancellationToken)
    {
        _ = articleId;
        cache.Remove(FrontPageQuery.CacheKey);
        return Task.CompletedTask;
    }
}
