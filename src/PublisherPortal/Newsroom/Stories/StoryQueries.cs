using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Newsroom.Revisions;
using PublisherPortal.Paywall;
using PublisherPortal.Staff;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// The newsroom's reads: the story list, one story for the editor, its revisions and their diff, and what the pickers
/// offer. Any staff role may read (contributors see what colleagues write); <see cref="StoryCommands"/> decides who
/// may change what. One context per call: a staff circuit lives long.
/// </summary>
public sealed class StoryQueries(IDbContextFactory<PortalDbContext> contexts, StaffGate gate)
{
    public const int MaxPageSize = 100;

    public async Task<StoryPage> ListAsync(ClaimsPrincipal user, StoryFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is null)
        {
            return new StoryPage([], 0, new Dictionary<ArticleStatus, int>(), decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Articles.AsNoTracking();
        if (filter.SectionId is { } section)
        {
            query = query.Where(a => a.SectionId == section);
        }

        if (filter.Access is { } access)
        {
            query = query.Where(a => a.AccessLevel == access);
            if (access == AccessLevel.Tier && filter.TierId is { } tier)
            {
                query = query.Where(a => a.MinimumTierId == tier);
            }
        }

        if (filter.AuthorId is { } author)
        {
            query = query.Where(a => a.Authors.Any(x => x.AuthorId == author));
        }

        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(a => a.Title.ToLower().Contains(lower) || a.Slug.Contains(lower) || a.Summary.ToLower().Contains(lower));
        }

        // Counts per status under the other filters: the tabs say how many each would show.
        var counts = await query.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        var total = await query.CountAsync(ct);
        query = (filter.SortBy, filter.Descending) switch
        {
            (nameof(StoryRow.Title), false) => query.OrderBy(a => a.Title).ThenBy(a => a.Id),
            (nameof(StoryRow.Title), true) => query.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
            (nameof(StoryRow.PublishedAt), false) => query.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id),
            (nameof(StoryRow.PublishedAt), true) => query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id),
            (nameof(StoryRow.Status), false) => query.OrderBy(a => a.Status).ThenByDescending(a => a.UpdatedAt),
            (nameof(StoryRow.Status), true) => query.OrderByDescending(a => a.Status).ThenByDescending(a => a.UpdatedAt),
            (_, false) => query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
            _ => query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id),
        };
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await query.Skip(Math.Max(page, 0) * size).Take(size)
            .Select(a => new StoryRow(a.Id, a.Title, a.Slug, a.Status, a.Section.Name, a.AccessLevel, a.MinimumTier == null ? null : a.MinimumTier.Name,
                a.PublishedAt, a.UpdatedAt, a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList()))
            .AsSingleQuery()
            .ToListAsync(ct);
        return new StoryPage(rows, total, counts, null);
    }

    /// <summary>One story for the editor, or a refusal; null story when there is none with that id.</summary>
    public async Task<(CurrentStory? Story, StaffResult? Refusal)> LoadAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        return decision.Actor is null ? (null, decision.Refused()) : (await CurrentAsync(id, ct), null);
    }

    /// <summary>The story as it is now; callers have authorized the person already.</summary>
    internal async Task<CurrentStory?> CurrentAsync(int id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).ThenInclude(t => t.Tag).Include(a => a.Authors)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return null;
        }

        var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Id)
            .Select(r => new { r.ActorName, r.At }).FirstOrDefaultAsync(ct);
        return new CurrentStory(id, StoryRecords.FormOf(article), article.Version, article.Status, article.PublishedAt, last?.ActorName, last?.At,
            await StoryRecords.OwnerAsync(db, id, ct));
    }

    public async Task<(IReadOnlyList<RevisionRow> Revisions, StaffResult? Refusal)> RevisionsAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is null)
        {
            return ([], decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Id)
            .Select(r => new RevisionRow(r.Id, r.At, r.ActorName, r.Title)).ToListAsync(ct);
        return (rows, null);
    }

    /// <summary>The line diff from revision <paramref name="from"/> to <paramref name="to"/> of one story.</summary>
    public async Task<(IReadOnlyList<DiffLine> Lines, StaffResult? Refusal)> DiffAsync(ClaimsPrincipal user, int id, long from, long to, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is null)
        {
            return ([], decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var pair = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && (r.Id == from || r.Id == to)).ToListAsync(ct);
        if (pair.FirstOrDefault(r => r.Id == from) is not { } a || pair.FirstOrDefault(r => r.Id == to) is not { } b)
        {
            return ([], StaffResult.Invalid("Those revisions do not belong to this story."));
        }

        return (LineDiff.Between(StoryText.Of(StoryRecords.FormOf(a)), StoryText.Of(StoryRecords.FormOf(b))), null);
    }

    public async Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Sections.AsNoTracking().OrderBy(s => s.Position).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Author>> AuthorsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Authors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AccessTier>> TiersAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Tag>> TagsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tags.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    /// <summary>Tag names starting with or containing <paramref name="text"/>, for the editor's autocomplete.</summary>
    public async Task<IReadOnlyList<string>> TagNamesAsync(string? text, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lower = (text ?? "").Trim().ToLowerInvariant();
        return await db.Tags.AsNoTracking().Where(t => lower.Length == 0 || t.Name.ToLower().Contains(lower))
            .OrderBy(t => t.Name).Select(t => t.Name).Take(20).ToListAsync(ct);
    }
}
