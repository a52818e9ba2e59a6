using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Paywall;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// Creating and saving stories, and restoring a revision. Each call is authorized again here (<see cref="StaffGate"/>,
/// then <see cref="NewsroomRules"/>), runs in one transaction that also writes the revision and the audit entry, and
/// is refused when the story changed since the editor loaded it (<see cref="Article.Version"/>): the other person's
/// version comes back, nothing is overwritten.
/// </summary>
public sealed class StoryCommands(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, NewsroomChanges changes, StoryQueries queries, TimeProvider clock)
{
    public Task<StorySave> SaveAsync(ClaimsPrincipal user, int? id, StoryForm form, Guid? loadedVersion, CancellationToken ct) =>
        SaveAsync(user, id, form, loadedVersion, id is null ? AuditActions.ArticleCreate : AuditActions.ArticleSave, ct);

    /// <summary>Saves the fields of revision <paramref name="revisionId"/> as a new revision, under the same rules as any save.</summary>
    public async Task<StorySave> RestoreAsync(ClaimsPrincipal user, int id, long revisionId, Guid loadedVersion, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is null)
        {
            return decision.Refused();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, ct);
        return revision is null
            ? StaffResult.Invalid("That revision does not belong to this story. Nothing was changed.")
            : await SaveAsync(user, id, StoryRecords.FormOf(revision), loadedVersion, AuditActions.ArticleRestore, ct);
    }

    private async Task<StorySave> SaveAsync(ClaimsPrincipal user, int? id, StoryForm form, Guid? loadedVersion, string action, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (StoryValidation.Errors(form) is { Count: > 0 } errors)
        {
            return StaffResult.Invalid(errors);
        }

        if (id is not null && loadedVersion is null)
        {
            return StaffResult.Invalid("The save did not say which version of the story it started from. Reload the story. Nothing was saved.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var outcome = await db.InTransactionAsync(async transaction =>
        {
            Article article;
            string? before = null;
            StoryListing? listedBefore = null;
            if (id is { } existing)
            {
                if (await StoryRecords.LoadAsync(db, existing, ct) is not { } found)
                {
                    return new Outcome(StaffResult.Invalid("This story no longer exists. Nothing was saved."));
                }

                article = found;
                var owner = await StoryRecords.OwnerAsync(db, existing, ct);
                if (NewsroomRules.MayEdit(actor, owner, article.Status) is { } refusal)
                {
                    return new Outcome(StaffResult.Refused(refusal));
                }

                if (article.Version != loadedVersion)
                {
                    return Outcome.Stale;
                }

                if (!form.SameAccessAs(StoryRecords.FormOf(article)) && NewsroomRules.MayChangeAccess(actor) is { } accessRefusal)
                {
                    return new Outcome(StaffResult.Refused(accessRefusal));
                }

                before = StoryRecords.Describe(article);
                listedBefore = StoryListing.Of(article);
                StoryRecords.ExpectVersion(db, article, loadedVersion.Value);
            }
            else
            {
                if (form.AccessLevel != AccessLevel.Public && NewsroomRules.MayChangeAccess(actor) is { } accessRefusal)
                {
                    return new Outcome(StaffResult.Refused(accessRefusal));
                }

                article = new Article { Title = "", Slug = "", Summary = "", Body = "", Status = ArticleStatus.Draft, CreatedAt = now };
                db.Articles.Add(article);
            }

            if (await ApplyAsync(db, article, form, now, ct) is { } invalid)
            {
                return new Outcome(invalid);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                StoryRecords.AddRevision(db, article, actor, now);
                audit.Record(db, actor, action, StoryRecords.Target(article), before, StoryRecords.Describe(article));
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Stale;
            }
            catch (DbUpdateException)
            {
                // A unique or foreign key lost a race the checks above could not see (a slug or tag taken, a section or
                // author removed a moment ago): the transaction rolls back whole.
                return new Outcome(StaffResult.Invalid(
                    "Something this story names changed a moment ago (its slug, a tag, its section or an author). Nothing was saved: check them and save again."));
            }

            await transaction.CommitAsync(ct);
            return new Outcome(StaffResult.Done($"Saved “{article.Title}”."), article.Id, article.Version, listedBefore, StoryListing.Of(article));
        }, ct);

        if (outcome.IsStale)
        {
            var theirs = id is { } storyId ? await queries.CurrentAsync(storyId, ct) : null;
            var message = $"Someone else ({theirs?.LastSavedBy ?? "another editor"}) saved this story after you opened it. Nothing was saved: "
                + "their version is shown next to yours; copy what you need into it and save again.";
            return new StorySave(new StaffResult(StaffOutcome.Conflict, message, new Dictionary<string, string>()), Theirs: theirs);
        }

        if (outcome.ListedAfter is { } after)
        {
            await changes.AfterCommitAsync(outcome.ListedBefore, after);
        }

        return new StorySave(outcome.Result, outcome.Id, outcome.Version);
    }

    /// <summary>Copies the form onto the story: slug (unique, the old one kept as a redirect once published), tags by name, byline.</summary>
    private static async Task<StaffResult?> ApplyAsync(PortalDbContext db, Article article, StoryForm form, DateTime now, CancellationToken ct)
    {
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? await FreeSlugAsync(db, StorySlugs.FromTitle(form.Title!), article.Id, ct) : form.Slug.Trim();
        if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct)
            || await db.ArticleSlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != article.Id, ct))
        {
            return StaffResult.Field(nameof(StoryForm.Slug), $"Another story uses (or used) the slug {slug}; choose another. Nothing was saved.");
        }

        if (!await db.Sections.AnyAsync(s => s.Id == form.SectionId, ct))
        {
            return StaffResult.Field(nameof(StoryForm.SectionId), "That section no longer exists; choose another. Nothing was saved.");
        }

        var authorIds = form.AuthorIds.Distinct().ToList();
        if (await db.Authors.CountAsync(a => authorIds.Contains(a.Id), ct) != authorIds.Count)
        {
            return StaffResult.Field(nameof(StoryForm.AuthorIds), "One of the authors no longer exists; pick the byline again. Nothing was saved.");
        }

        if (form.AccessLevel == AccessLevel.Tier && !await db.AccessTiers.AnyAsync(t => t.Id == form.MinimumTierId, ct))
        {
            return StaffResult.Field(nameof(StoryForm.MinimumTierId), "That tier no longer exists; choose another. Nothing was saved.");
        }

        if (article.Id != 0 && article.Slug != slug && article.Status != ArticleStatus.Draft && article.PublishedAt is not null)
        {
            // Readers and search engines know the published address: keep it answering (ArticleView, 301).
            db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { OldSlug = article.Slug, ArticleId = article.Id, CreatedAt = now });
        }

        // Renaming back to an address the story had: it is the story's own again, not a redirect.
        await db.ArticleSlugRedirects.Where(r => r.OldSlug == slug && r.ArticleId == article.Id).ExecuteDeleteAsync(ct);

        article.Title = form.Title!.Trim();
        article.Slug = slug;
        article.Summary = form.Summary!.Trim();
        article.Body = form.Body ?? "";
        article.SectionId = form.SectionId!.Value;
        article.HeroImageUrl = Blank(form.HeroImageUrl);
        article.HeroImageAlt = article.HeroImageUrl is null ? null : Blank(form.HeroImageAlt);
        article.SeoTitle = Blank(form.SeoTitle);
        article.SeoDescription = Blank(form.SeoDescription);
        article.AccessLevel = form.AccessLevel;
        article.MinimumTierId = form.AccessLevel == AccessLevel.Tier ? form.MinimumTierId : null;
        article.TeaserParagraphs = form.TeaserParagraphs;
        article.UpdatedAt = now;
        await ApplyTagsAsync(db, article, form.Tags, ct);
        ApplyByline(article, authorIds);
        return null;
    }

    private static async Task ApplyTagsAsync(PortalDbContext db, Article article, IEnumerable<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length is > 0 and <= 100).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var slugs = wanted.Select(StorySlugs.FromTitle).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        // Rows that stay are left alone: removing and re-adding the same key in one save is a needless delete and insert.
        article.Tags.RemoveAll(t => !slugs.Contains(t.Tag.Slug));
        foreach (var (name, slug) in wanted.Zip(slugs))
        {
            if (article.Tags.Any(t => t.Tag.Slug == slug))
            {
                continue;
            }

            var tag = existing.FirstOrDefault(t => t.Slug == slug);
            if (tag is null)
            {
                tag = new Tag { Name = name, Slug = slug };
                existing.Add(tag);
                db.Tags.Add(tag);
            }

            article.Tags.Add(new ArticleTag { Tag = tag });
        }
    }

    private static void ApplyByline(Article article, List<int> authorIds)
    {
        article.Authors.RemoveAll(a => !authorIds.Contains(a.AuthorId));
        for (var position = 0; position < authorIds.Count; position++)
        {
            var authorId = authorIds[position];
            if (article.Authors.FirstOrDefault(a => a.AuthorId == authorId) is { } kept)
            {
                kept.Position = position;
            }
            else
            {
                article.Authors.Add(new ArticleAuthor { AuthorId = authorId, Position = position });
            }
        }
    }

    private static async Task<string> FreeSlugAsync(PortalDbContext db, string wanted, int id, CancellationToken ct)
    {
        var slug = wanted;
        for (var n = 2; await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != id, ct) || await db.ArticleSlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != id, ct); n++)
        {
            slug = $"{wanted}-{n}";
        }

        return slug;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Outcome(StaffResult Result, int? Id = null, Guid? Version = null, StoryListing? ListedBefore = null, StoryListing? ListedAfter = null)
    {
        public bool IsStale { get; private init; }

        public static Outcome Stale { get; } = new(StaffResult.Invalid("stale")) { IsStale = true };
    }
}
