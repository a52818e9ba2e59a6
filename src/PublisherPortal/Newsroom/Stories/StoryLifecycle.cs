using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Paywall;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// Publishing, scheduling, unpublishing and access levels, for one story or a selection. Each is authorized again
/// here, audited with the state before and after in the same transaction, and followed by
/// <see cref="NewsroomChanges.AfterCommitAsync"/> so readers see it on their next request. From the editor the call
/// carries the version on screen and is refused if the story changed since; bulk actions act on the story as it is.
/// </summary>
public sealed class StoryLifecycle(IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, NewsroomChanges changes, TimeProvider clock)
{
    public Task<StaffResult> PublishAsync(ClaimsPrincipal user, int id, Guid? loadedVersion, CancellationToken ct) =>
        TransitionAsync(user, id, loadedVersion, AuditActions.ArticlePublish, (actor, owner) => NewsroomRules.MayPublish(actor, owner), (article, now) =>
        {
            if (string.IsNullOrWhiteSpace(article.Body))
            {
                return "A story needs a body before it is published. Nothing was changed.";
            }

            // A story already out keeps its date; one coming (back) out is news now.
            article.PublishedAt = article.Status == ArticleStatus.Published ? article.PublishedAt : now;
            article.Status = ArticleStatus.Published;
            return null;
        }, a => $"Published “{a.Title}”.", ct);

    /// <summary>Publishes at <paramref name="at"/> (any offset; stored UTC) by <see cref="Publishing.ScheduledPublisher"/>.</summary>
    public Task<StaffResult> ScheduleAsync(ClaimsPrincipal user, int id, Guid? loadedVersion, DateTimeOffset at, CancellationToken ct) =>
        TransitionAsync(user, id, loadedVersion, AuditActions.ArticleSchedule, (actor, owner) => NewsroomRules.MayPublish(actor, owner), (article, now) =>
        {
            if (at.UtcDateTime <= now)
            {
                return "Choose a time in the future to schedule; to publish now, use Publish. Nothing was changed.";
            }

            if (article.Status == ArticleStatus.Published)
            {
                return "This story is published already; unpublish it first if it should come out again later. Nothing was changed.";
            }

            if (string.IsNullOrWhiteSpace(article.Body))
            {
                return "A story needs a body before it is scheduled. Nothing was changed.";
            }

            article.Status = ArticleStatus.Scheduled;
            article.PublishedAt = at.UtcDateTime;
            return null;
        }, a => $"Scheduled “{a.Title}” for {a.PublishedAt!.Value.ToString("u", CultureInfo.InvariantCulture)}.", ct);

    public Task<StaffResult> UnpublishAsync(ClaimsPrincipal user, int id, Guid? loadedVersion, CancellationToken ct) =>
        TransitionAsync(user, id, loadedVersion, AuditActions.ArticleUnpublish, (actor, owner) => NewsroomRules.MayPublish(actor, owner), (article, _) =>
        {
            if (article.Status is ArticleStatus.Draft or ArticleStatus.Unpublished)
            {
                return $"This story is not published or scheduled (it is {article.Status.ToString().ToLowerInvariant()}). Nothing was changed.";
            }

            article.Status = ArticleStatus.Unpublished;
            return null;
        }, a => $"Unpublished “{a.Title}”: its address now answers 410 Gone.", ct);

    /// <summary>Editors only. <paramref name="tierId"/> only with <see cref="AccessLevel.Tier"/>.</summary>
    public async Task<StaffResult> ChangeAccessAsync(ClaimsPrincipal user, int id, Guid? loadedVersion, AccessLevel level, int? tierId, CancellationToken ct)
    {
        if (level == AccessLevel.Tier)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (tierId is null || !await db.AccessTiers.AnyAsync(t => t.Id == tierId, ct))
            {
                return StaffResult.Field(nameof(StoryForm.MinimumTierId), "Choose a tier that exists. Nothing was changed.");
            }
        }

        return await TransitionAsync(user, id, loadedVersion, AuditActions.ArticleAccess, (actor, _) => NewsroomRules.MayChangeAccess(actor), (article, _) =>
        {
            article.AccessLevel = level;
            article.MinimumTierId = level == AccessLevel.Tier ? tierId : null;
            return null;
        }, a => $"“{a.Title}” is now {AccessName(a.AccessLevel)}.", ct, revision: true);
    }

    /// <summary>One action on each selected story, each authorized, audited and committed on its own; the summary names the refusals.</summary>
    public async Task<StaffResult> BulkAsync(ClaimsPrincipal user, IReadOnlyCollection<int> ids, BulkStoryAction action, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is null)
        {
            return decision.Refused();
        }

        if (ids.Count is 0 or > 100)
        {
            return StaffResult.Invalid("Select from 1 to 100 stories.");
        }

        var done = 0;
        var refused = 0;
        var problems = new List<string>();
        foreach (var id in ids.Distinct())
        {
            var result = action.Kind switch
            {
                BulkStoryKind.Publish => await PublishAsync(user, id, null, ct),
                BulkStoryKind.Unpublish => await UnpublishAsync(user, id, null, ct),
                _ => await ChangeAccessAsync(user, id, null, action.Access, action.TierId, ct),
            };
            if (result.Succeeded)
            {
                done++;
                continue;
            }

            refused += result.Outcome == StaffOutcome.Refused ? 1 : 0;
            problems.Add($"Story {id}: {result.Message}");
        }

        var summary = $"{done} of {ids.Distinct().Count()} stories changed.";
        if (problems.Count == 0)
        {
            return StaffResult.Done(summary);
        }

        // Refused only when the person may do none of it; a partly done selection is reported, not refused.
        var outcome = done == 0 && refused == problems.Count ? StaffOutcome.Refused : StaffOutcome.Invalid;
        return new StaffResult(outcome, summary + " " + string.Join(" ", problems), new Dictionary<string, string>());
    }

    private async Task<StaffResult> TransitionAsync(
        ClaimsPrincipal user, int id, Guid? loadedVersion, string action,
        Func<StaffActor, StoryOwner?, string?> allowed, Func<Article, DateTime, string?> change, Func<Article, string> done,
        CancellationToken ct, bool revision = false)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (result, listedBefore, listedAfter) = await db.InTransactionAsync(async transaction =>
        {
            if (await StoryRecords.LoadAsync(db, id, ct) is not { } article)
            {
                return (StaffResult.Invalid("This story no longer exists. Nothing was changed."), null, null);
            }

            if (allowed(actor, await StoryRecords.OwnerAsync(db, id, ct)) is { } refusal)
            {
                return (StaffResult.Refused(refusal), null, null);
            }

            if (loadedVersion is { } loaded && article.Version != loaded)
            {
                return (StaleResult(), null, null);
            }

            var listed = StoryListing.Of(article);
            var before = StoryRecords.Describe(article);
            StoryRecords.ExpectVersion(db, article, article.Version);
            if (change(article, now) is { } invalid)
            {
                return (StaffResult.Invalid(invalid), null, null);
            }

            article.UpdatedAt = now;
            if (revision)
            {
                StoryRecords.AddRevision(db, article, actor, now);
            }

            audit.Record(db, actor, action, StoryRecords.Target(article), before, StoryRecords.Describe(article));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (StaleResult(), null, null);
            }

            await transaction.CommitAsync(ct);
            return (StaffResult.Done(done(article)), (StoryListing?)listed, (StoryListing?)StoryListing.Of(article));
        }, ct);
        if (listedAfter is not null)
        {
            await changes.AfterCommitAsync(listedBefore, listedAfter);
        }

        return result;
    }

    private static StaffResult StaleResult() => StaffResult.Conflict("This story");

    public static string AccessName(AccessLevel level) => level switch
    {
        AccessLevel.Public => "public",
        AccessLevel.Registered => "free with sign-in",
        _ => "for subscribers of a tier",
    };
}

public enum BulkStoryKind
{
    Publish,
    Unpublish,
    ChangeAccess,
}

/// <summary>What to do to every selected story; <see cref="Access"/> and <see cref="TierId"/> only for <see cref="BulkStoryKind.ChangeAccess"/>.</summary>
public sealed record BulkStoryAction(BulkStoryKind Kind, AccessLevel Access = AccessLevel.Public, int? TierId = null);
