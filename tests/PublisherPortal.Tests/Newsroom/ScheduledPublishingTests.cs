using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Articles;
using PublisherPortal.Newsroom.Publishing;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>
/// Scheduled stories, with the site's clock in the test's hand and two instances on one database:
/// published when due, not before, and by exactly one instance however many sweep at once.
/// </summary>
public sealed class ScheduledPublishingTests
{
    // Long enough that the instances' own timers never fire during a test: the test runs each sweep itself.
    private static readonly PortalSetup Setup = PortalSetup.Offline.With("Newsroom:SchedulerInterval", "01:00:00");

    [Fact]
    public async Task A_scheduled_story_is_published_exactly_once_when_two_instances_sweep_together()
    {
        using var a = new PortalFactory(Setup);
        _ = a.Services; // A migrates and seeds the shared database first
        using var b = new PortalFactory(Setup with { SharedDatabasePath = a.DatabasePath });
        await PublishedOnceAsync(a, b);
    }

    /// <summary>The same race on PostgreSQL, where the two UPDATEs really run at once and the second waits for the first's row lock.</summary>
    [Fact]
    public async Task A_scheduled_story_is_published_exactly_once_by_two_instances_on_postgresql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var setup = Setup.With("Database:Provider", "Postgres").With("ConnectionStrings:Portal", database.ConnectionString);
        using var a = new PortalFactory(setup);
        _ = a.Services;
        using var b = new PortalFactory(setup);
        await PublishedOnceAsync(a, b);
    }

    private static async Task PublishedOnceAsync(PortalFactory a, PortalFactory b)
    {
        var desk = new NewsroomDesk(a);
        var editor = await StaffActing.AdminAsync(a.Services);
        var (id, version) = await desk.CreateAsync(editor);
        var at = a.Now.AddMinutes(10);

        var scheduled = await desk.Lifecycle.ScheduleAsync(editor, id, version, at, default);

        Assert.True(scheduled.Succeeded, scheduled.Message);
        Assert.Equal((ArticleStatus.Scheduled, at.UtcDateTime), await StateAsync(desk, id));
        Assert.Equal(0, await Sweep(a));
        Assert.Equal(0, await Sweep(b));

        a.Clock.Advance(TimeSpan.FromMinutes(10));
        b.Clock.Advance(b.Clock.GetUtcNow() < at ? at - b.Clock.GetUtcNow() : TimeSpan.Zero);
        // Both instances find the story due before either publishes it: the race the conditional UPDATE settles.
        var dueOnA = await Publisher(a).DueAsync(default);
        var dueOnB = await Publisher(b).DueAsync(default);
        Assert.Equal([id], dueOnA.Select(s => s.Id));
        Assert.Equal([id], dueOnB.Select(s => s.Id));
        var won = await Task.WhenAll(
            Task.Run(() => Publisher(a).TryPublishAsync(dueOnA[0], default)),
            Task.Run(() => Publisher(b).TryPublishAsync(dueOnB[0], default)),
            Task.Run(() => Publisher(b).TryPublishAsync(dueOnB[0], default)));

        Assert.Single(won, true);
        Assert.Equal((ArticleStatus.Published, at.UtcDateTime), await StateAsync(desk, id));
        Assert.Equal(1, await desk.AuditCountAsync(AuditActions.ArticleScheduledPublish, id));
        Assert.Equal(0, await Sweep(b));
    }

    [Fact]
    public async Task A_schedule_in_the_past_is_refused_and_stored_times_are_utc_whatever_the_editors_offset()
    {
        using var site = new StaffSite();
        var desk = new NewsroomDesk(site);
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (id, version) = await desk.CreateAsync(editor);

        var past = await desk.Lifecycle.ScheduleAsync(editor, id, version, site.Now.AddMinutes(-1), default);
        var inAuckland = site.Now.AddHours(3).ToOffset(TimeSpan.FromHours(13));
        var future = await desk.Lifecycle.ScheduleAsync(editor, id, version, inAuckland, default);

        Assert.False(past.Succeeded);
        Assert.True(future.Succeeded, future.Message);
        var stored = (await desk.ArticleAsync(id)).PublishedAt!.Value;
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
        Assert.Equal(site.Now.UtcDateTime.AddHours(3), stored);
    }

    private static ScheduledPublisher Publisher(PortalFactory site) => site.Services.GetRequiredService<ScheduledPublisher>();

    private static Task<int> Sweep(PortalFactory site) => Publisher(site).PublishDueAsync(default);

    private static Task<(ArticleStatus, DateTime)> StateAsync(NewsroomDesk desk, int id) =>
        desk.DbAsync(db => db.Articles.Where(x => x.Id == id).Select(x => new ValueTuple<ArticleStatus, DateTime>(x.Status, x.PublishedAt!.Value)).SingleAsync());
}
