using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Newsroom.Taxonomy;

/// <summary>
/// Sections, tags and authors, managed by editors: each change authorized again here, audited in its
/// own transaction, and announced to the reader caches once committed. Slugs are fixed once made: they are readers'
/// addresses, and renaming one would break every link to it.
/// </summary>
public sealed class TaxonomyCommands(IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, ContentChanges changes)
{
    public async Task<StaffResult> CreateSectionAsync(ClaimsPrincipal user, string? name, string? description, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Editor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (SectionError(name, description) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var slug = StorySlugs.FromTitle(name!);
        if (await db.Sections.AnyAsync(s => s.Slug == slug, ct))
        {
            return StaffResult.Field("Name", $"A section with the address /sections/{slug} exists already.");
        }

        var position = (await db.Sections.MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
        var section = new Section { Name = name!.Trim(), Slug = slug, Description = Blank(description), Position = position };
        db.Sections.Add(section);
        audit.Record(db, actor, AuditActions.SectionCreate, $"section {slug}", null, $"{section.Name}: {section.Description}");
        await db.SaveChangesAsync(ct);
        await changes.SectionChangedAsync(section.Id);
        return StaffResult.Done($"Section {section.Name} created at /sections/{slug}.");
    }

    public async Task<StaffResult> UpdateSectionAsync(ClaimsPrincipal user, int id, string? name, string? description, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Editor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (SectionError(name, description) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } section)
        {
            return StaffResult.Invalid("That section no longer exists.");
        }

        var before = $"{section.Name}: {section.Description}";
        section.Name = name!.Trim();
        section.Description = Blank(description);
        audit.Record(db, actor, AuditActions.SectionUpdate, $"section {section.Slug}", before, $"{section.Name}: {section.Description}");
        await db.SaveChangesAsync(ct);
        await changes.SectionChangedAsync(id);
        return StaffResult.Done($"Section {section.Name} saved.");
    }

    public async Task<StaffResult> CreateTagAsync(ClaimsPrincipal user, string? name, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Editor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (NameError(name, "tag") is { } error)
        {
            return StaffResult.Field("Name", error);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var slug = StorySlugs.FromTitle(name!);
        if (await db.Tags.AnyAsync(t => t.Slug == slug, ct))
        {
            return StaffResult.Field("Name", $"The tag {slug} exists already.");
        }

        var tag = new Tag { Name = name!.Trim(), Slug = slug };
        db.Tags.Add(tag);
        audit.Record(db, actor, AuditActions.TagCreate, $"tag {slug}", null, tag.Name);
        await db.SaveChangesAsync(ct);
        await changes.TagChangedAsync(tag.Id);
        return StaffResult.Done($"Tag {tag.Name} created.");
    }

    public async Task<StaffResult> RenameTagAsync(ClaimsPrincipal user, int id, string? name, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Editor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (NameError(name, "tag") is { } error)
        {
            return StaffResult.Field("Name", error);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } tag)
        {
            return StaffResult.Invalid("That tag no longer exists.");
        }

        var before = tag.Name;
        tag.Name = name!.Trim();
        audit.Record(db, actor, AuditActions.TagRename, $"tag {tag.Slug}", before, tag.Name);
        await db.SaveChangesAsync(ct);
        await changes.TagChangedAsync(id);
        return StaffResult.Done($"Tag {before} renamed {tag.Name}.");
    }

    /// <summary>Every story tagged <paramref name="fromId"/> is tagged <paramref name="intoId"/> instead, and the first tag is removed.</summary>
    public async Task<StaffResult> MergeTagsAsync(ClaimsPrincipal user, int fromId, int intoId, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Editor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (fromId == intoId)
        {
            return StaffResult.Invalid("Choose two different tags to merge.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var result = await db.InTransactionAsync(async transaction =>
        {
            var from = await db.Tags.FirstOrDefaultAsync(t => t.Id == fromId, ct);
            var into = await db.Tags.FirstOrDefaultAsync(t => t.Id == intoId, ct);
            if (from is null || into is null)
            {
                return StaffResult.Invalid("One of the tags no longer exists.");
            }

            var already = db.ArticleTags(intoId);
            var moved = await db.Set<ArticleTag>().Where(t => t.TagId == fromId && !already.Contains(t.ArticleId)).Select(t => t.ArticleId).ToListAsync(ct);
            db.Set<ArticleTag>().AddRange(moved.Select(articleId => new ArticleTag { ArticleId = articleId, TagId = intoId }));
            await db.SaveChangesAsync(ct);
            await db.Tags.Where(t => t.Id == fromId).ExecuteDeleteAsync(ct); // its ArticleTags go with it (cascade)
            audit.Record(db, actor, AuditActions.TagMerge, $"tag {from.Slug}", $"{from.Name} ({from.Slug})", $"merged into {into.Name} ({into.Slug}), {moved.Count} stories moved");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done($"Tag {from.Name} merged into {into.Name}.");
        }, ct);
        if (result.Succeeded)
        {
            await changes.TagChangedAsync(fromId);
            await changes.TagChangedAsync(intoId);
        }

        return result;
    }

    public async Task<StaffResult> SaveAuthorAsync(
        ClaimsPrincipal user, int? id, string? name, string? role, string? bio, string? photoUrl, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Editor, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (NameError(name, "author") is { } error)
        {
            return StaffResult.Field("Name", error);
        }

        if (bio is { Length: > 2000 } || role is { Length: > 150 })
        {
            return StaffResult.Invalid("A job title may be at most 150 characters and a bio at most 2000.");
        }

        if (Blank(photoUrl) is { } photo && !ImageAddress.IsValid(photo))
        {
            return StaffResult.Field("PhotoUrl", "The photo must be an http(s) address or a path on this site.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        Author author;
        string? before = null;
        if (id is { } existing)
        {
            if (await db.Authors.FirstOrDefaultAsync(a => a.Id == existing, ct) is not { } found)
            {
                return StaffResult.Invalid("That author no longer exists.");
            }

            author = found;
            before = Describe(author);
        }
        else
        {
            var slug = StorySlugs.FromTitle(name!);
            if (await db.Authors.AnyAsync(a => a.Slug == slug, ct))
            {
                return StaffResult.Field("Name", $"An author at /authors/{slug} exists already.");
            }

            author = new Author { Name = "", Slug = slug };
            db.Authors.Add(author);
        }

        author.Name = name!.Trim();
        author.Role = Blank(role);
        author.Bio = Blank(bio);
        author.PhotoUrl = Blank(photoUrl);
        audit.Record(db, actor, id is null ? AuditActions.AuthorCreate : AuditActions.AuthorUpdate, $"author {author.Slug}", before, Describe(author));
        await db.SaveChangesAsync(ct);
        await changes.AuthorChangedAsync(author.Id);
        return StaffResult.Done($"Author {author.Name} saved.");
    }

    private static string Describe(Author author) =>
        $"{author.Name}, {author.Role}: {author.Bio}" + (author.PhotoUrl is { } photo ? $" (photo {photo})" : "");

    /// <summary>What is wrong with a section's name or description, the same for creating and editing one.</summary>
    private static StaffResult? SectionError(string? name, string? description) =>
        NameError(name, "section") is { } error ? StaffResult.Field("Name", error)
        : description is { Length: > 500 } ? StaffResult.Field("Description", "A section's description may be at most 500 characters.")
        : null;

    private static string? NameError(string? name, string what) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? $"A {what} needs a name of at most 100 characters." : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class TaggedStories
{
    public static IQueryable<int> ArticleTags(this PortalDbContext db, int tagId) =>
        db.Set<ArticleTag>().Where(t => t.TagId == tagId).Select(t => t.ArticleId);
}
