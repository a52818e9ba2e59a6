using Microsoft.EntityFrameworkCore;
using PublisherPortal.Caching;
using PublisherPortal.Data;

namespace PublisherPortal.Articles;

/// <summary>
/// Stories that will go live with no write at all (scheduled, or published with a time still ahead), so a cached list
/// is remembered only until the next one of them joins it. Loaded once and then again only when one of them goes
/// live or after any eviction (any change may have scheduled or moved one): the schedule is never older than the
/// content memory it feeds, because it is reloaded whenever that memory's epoch has moved since it was read.
/// </summary>
public sealed class ScheduledStories(IServiceScopeFactory scopes, ContentMemory memory, TimeProvider clock)
{
    /// <summary>How many upcoming stories are held; past the last of them every list is treated as due.</summary>
    public const int Lookahead = 200;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Schedule? _schedule;

    /// <summary>
    /// The first moment a story joins the list named by <paramref name="listTag"/> (<see cref="ContentTags.LatestList"/>,
    /// <see cref="ContentTags.SectionList"/>, …), or <see cref="DateTimeOffset.MaxValue"/>. Ask before reading the
    /// list: a story going live in between then only makes the result expire early, never late.
    /// </summary>
    public async ValueTask<DateTimeOffset> NextGoLiveAsync(string listTag, CancellationToken cancellationToken = default)
    {
        var schedule = _schedule;
        if (schedule is null || !schedule.IsCurrent(memory.Epoch, clock.GetUtcNow()))
        {
            schedule = await LoadAsync(cancellationToken);
        }

        return schedule.NextFor(listTag);
    }

    private async Task<Schedule> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var epoch = memory.Epoch;
            var now = clock.GetUtcNow();
            if (_schedule is { } current && current.IsCurrent(epoch, now))
            {
                return current;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var after = now.UtcDateTime;
            // Status IN (Scheduled, Published): the (Status, PublishedAt, Id) index then serves both ranges.
            var upcoming = await db.Articles.AsNoTracking()
                .Where(a => (a.Status == ArticleStatus.Scheduled || a.Status == ArticleStatus.Published) && a.PublishedAt > after)
                .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
                .Take(Lookahead)
                .Select(a => new StoryListing(a.Id, a.Status, a.PublishedAt, a.SectionId,
                    a.Tags.Select(t => t.TagId).ToList(), a.Authors.Select(x => x.AuthorId).ToList()))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var loaded = new Schedule(epoch, upcoming, upcoming.Count == Lookahead);
            _schedule = loaded;
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed class Schedule
    {
        private readonly long _epoch;
        private readonly Dictionary<string, DateTimeOffset> _firstByList = new(StringComparer.Ordinal);
        private readonly DateTimeOffset _earliest = DateTimeOffset.MaxValue;
        private readonly DateTimeOffset _horizon = DateTimeOffset.MaxValue;

        public Schedule(long epoch, IReadOnlyList<StoryListing> upcoming, bool truncated)
        {
            _epoch = epoch;
            foreach (var story in upcoming)
            {
                var at = new DateTimeOffset(story.PublishedAt!.Value, TimeSpan.Zero);
                _earliest = at < _earliest ? at : _earliest;
                foreach (var list in story.ListTags())
                {
                    _firstByList.TryAdd(list, at);
                }
            }

            if (truncated)
            {
                _horizon = new DateTimeOffset(upcoming[^1].PublishedAt!.Value, TimeSpan.Zero);
            }
        }

        /// <summary>Nothing was evicted since it was read, and no story it holds has gone live yet.</summary>
        public bool IsCurrent(long epoch, DateTimeOffset now) => epoch == _epoch && now < _earliest && now < _horizon;

        public DateTimeOffset NextFor(string listTag)
        {
            var first = _firstByList.GetValueOrDefault(listTag, DateTimeOffset.MaxValue);
            return first < _horizon ? first : _horizon;
        }
    }
}
