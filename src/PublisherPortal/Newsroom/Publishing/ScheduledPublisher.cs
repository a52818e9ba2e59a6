using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Newsroom.Publishing;

/// <summary>
/// Turns scheduled stories into published ones when their time comes, every <see cref="NewsroomOptions.SchedulerInterval"/>
/// on the site's Clock. Every instance runs it; each story is flipped by one conditional UPDATE (still scheduled, due),
/// so exactly one instance sees a row affected, and only that one audits it and evicts caches. Readers do not wait
/// for the sweep: a scheduled story is live from its time (<see cref="ArticleQueries.Live"/>); the sweep makes it
/// published in the newsroom and tells the caches.
/// </summary>
public sealed partial class ScheduledPublisher(
    IDbContextFactory<PortalDbContext> contexts, AuditLog audit, NewsroomChanges changes, TimeProvider clock,
    IOptions<NewsroomOptions> options, ILogger<ScheduledPublisher> logger) : PeriodicSweep(clock)
{
    /// <summary>Who the audit log names for a scheduled publication: the site, acting on the schedule someone set.</summary>
    public static readonly StaffActor Scheduler = new("urn:publisherportal", "scheduler", "Scheduled publishing", StaffRole.Editor);

    private const int Batch = 100;

    /// <summary>Publishes every due story this instance wins; returns how many it published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var published = 0;
        foreach (var story in await DueAsync(ct))
        {
            published += await TryPublishAsync(story, ct) ? 1 : 0;
        }

        if (published > 0)
        {
            LogPublished(published);
        }

        return published;
    }

    /// <summary>Scheduled stories whose time has come, as this instance sees them now; another may be publishing them too.</summary>
    public async Task<IReadOnlyList<DueStory>> DueAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt).Select(a => new DueStory(a.Id, a.Slug, a.PublishedAt!.Value)).Take(Batch).ToListAsync(ct);
    }

    /// <summary>
    /// Publishes one due story if it is still scheduled and due: true only for the one caller, on any instance, whose
    /// UPDATE changed the row, and only that caller audits it and tells the caches.
    /// </summary>
    public async Task<bool> TryPublishAsync(DueStory story, CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var listing = await db.InTransactionAsync(async transaction =>
        {
            var version = Guid.NewGuid();
            var rows = await db.Articles
                .Where(a => a.Id == story.Id && a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.Status, ArticleStatus.Published)
                    .SetProperty(a => a.Version, version)
                    .SetProperty(a => a.UpdatedAt, now), ct);
            if (rows != 1)
            {
                return null; // another instance got there first, or someone unscheduled it
            }

            audit.Record(db, Scheduler, AuditActions.ArticleScheduledPublish, $"article {story.Id} ({story.Slug})",
                $"Scheduled for {story.At:u}", "Published");
            await db.SaveChangesAsync(ct);
            var published = StoryListing.Of(await db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Authors).AsSplitQuery().SingleAsync(a => a.Id == story.Id, ct));
            await transaction.CommitAsync(ct);
            return published;
        }, ct);
        if (listing is null)
        {
            return false;
        }

        await changes.AfterCommitAsync(listing with { Status = ArticleStatus.Scheduled }, listing);
        return true;
    }

    protected override TimeSpan Interval => options.Value.SchedulerInterval;

    protected override Task SweepAsync(CancellationToken cancellationToken) => PublishDueAsync(cancellationToken);

    // The stories stay scheduled and readers already see them: the next tick publishes them.
    protected override void SweepFailed(Exception exception) => LogFailed(exception);

    public sealed record DueStory(int Id, string Slug, DateTime At);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled story(ies)")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publishing failed; retrying next interval")]
    private partial void LogFailed(Exception exception);
}
