using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Admin.Tiers;

/// <summary>
/// The tiers screen's actions. Admins only, authorized again here (<see cref="StaffGate"/>); one context per
/// operation; each change audited in its own transaction, refused when the row changed since it was shown, and
/// announced through <see cref="ContentChanges.TierChangedAsync"/> once committed, so every instance's
/// <see cref="TierCatalog"/> drops its map (readers' access follows on their next page load) and the pages naming the
/// tier are evicted.
/// </summary>
public sealed class TierService(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, ContentChanges changes)
{
    public sealed record Page(IReadOnlyList<AccessTier> Tiers, int Total, StaffResult? Refusal);

    public async Task<Page> ListAsync(ClaimsPrincipal user, string? search, string? sortBy, bool descending, int page, int pageSize, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null)
        {
            return new Page([], 0, decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.AccessTiers.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(lower) || t.Slug.Contains(lower));
        }

        var total = await query.CountAsync(ct);
        query = (sortBy, descending) switch
        {
            (nameof(AccessTier.Name), false) => query.OrderBy(t => t.Name),
            (nameof(AccessTier.Name), true) => query.OrderByDescending(t => t.Name),
            (nameof(AccessTier.Slug), false) => query.OrderBy(t => t.Slug),
            (nameof(AccessTier.Slug), true) => query.OrderByDescending(t => t.Slug),
            (_, true) => query.OrderByDescending(t => t.Rank),
            _ => query.OrderBy(t => t.Rank),
        };
        var size = Math.Clamp(pageSize, 1, 100);
        return new Page(await query.Skip(Math.Max(page, 0) * size).Take(size).ToListAsync(ct), total, null);
    }

    /// <summary>Every tier by rank, for pickers (any admin screen).</summary>
    public async Task<IReadOnlyList<AccessTier>> AllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).ToListAsync(ct);
    }

    public async Task<StaffResult> CreateAsync(ClaimsPrincipal user, TierForm form, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (form.Validate() is { Count: > 0 } errors)
        {
            return StaffResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await TakenAsync(db, form, null, ct) is { } taken)
        {
            return taken;
        }

        var tier = new AccessTier { Name = form.Name!.Trim(), Slug = form.Slug!.Trim(), Rank = form.Rank!.Value, Description = Blank(form.Description) };
        db.AccessTiers.Add(tier);
        audit.Record(db, actor, AuditActions.TierCreate, $"tier {tier.Slug}", null, Describe(tier.Name, tier.Slug, tier.Rank, tier.Description));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return StaffResult.Conflict("The slug or rank");
        }

        await changes.TierChangedAsync(tier.Id);
        return StaffResult.Done($"Tier {tier.Name} created.");
    }

    public async Task<StaffResult> UpdateAsync(ClaimsPrincipal user, int id, TierForm form, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (form.Validate() is { Count: > 0 } errors)
        {
            return StaffResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await TakenAsync(db, form, id, ct) is { } taken)
        {
            return taken;
        }

        var name = form.Name!.Trim();
        var slug = form.Slug!.Trim();
        var rank = form.Rank!.Value;
        var description = Blank(form.Description);
        var originalDescription = Blank(form.OriginalDescription);
        var result = await db.InTransactionAsync(async transaction =>
        {
            var updated = await db.AccessTiers
                .Where(t => t.Id == id && t.Name == form.OriginalName && t.Slug == form.OriginalSlug && t.Rank == form.OriginalRank
                    && t.Description == originalDescription)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.Name, name)
                    .SetProperty(t => t.Slug, slug)
                    .SetProperty(t => t.Rank, rank)
                    .SetProperty(t => t.Description, description), ct);
            if (updated != 1)
            {
                return StaffResult.Conflict($"Tier {form.OriginalName}");
            }

            audit.Record(db, actor, AuditActions.TierUpdate, $"tier {form.OriginalSlug}",
                Describe(form.OriginalName, form.OriginalSlug, form.OriginalRank, originalDescription), Describe(name, slug, rank, description));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done($"Tier {name} saved.");
        }, ct);
        if (result.Succeeded)
        {
            await changes.TierChangedAsync(id);
        }

        return result;
    }

    public async Task<StaffResult> DeleteAsync(ClaimsPrincipal user, int id, TierForm shown, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Articles.AnyAsync(a => a.MinimumTierId == id, ct))
        {
            return StaffResult.Invalid($"Tier {shown.OriginalName} is the minimum tier of articles: change those articles first.");
        }

        if (await db.PlanMappings.AnyAsync(m => m.AccessTierId == id, ct))
        {
            return StaffResult.Invalid($"Plans still map to tier {shown.OriginalName}: move or remove those mappings first.");
        }

        var result = await db.InTransactionAsync(async transaction =>
        {
            var deleted = await db.AccessTiers
                .Where(t => t.Id == id && t.Name == shown.OriginalName && t.Slug == shown.OriginalSlug && t.Rank == shown.OriginalRank)
                .ExecuteDeleteAsync(ct);
            if (deleted != 1)
            {
                return StaffResult.Conflict($"Tier {shown.OriginalName}");
            }

            audit.Record(db, actor, AuditActions.TierDelete, $"tier {shown.OriginalSlug}",
                Describe(shown.OriginalName, shown.OriginalSlug, shown.OriginalRank, Blank(shown.OriginalDescription)), null);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done($"Tier {shown.OriginalName} deleted.");
        }, ct);
        if (result.Succeeded)
        {
            await changes.TierChangedAsync(id);
        }

        return result;
    }

    private static async Task<StaffResult?> TakenAsync(PortalDbContext db, TierForm form, int? id, CancellationToken ct)
    {
        var slug = form.Slug!.Trim();
        if (await db.AccessTiers.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
        {
            return StaffResult.Field(nameof(TierForm.Slug), $"Another tier already has the slug {slug}.");
        }

        return await db.AccessTiers.AnyAsync(t => t.Rank == form.Rank && t.Id != id, ct)
            ? StaffResult.Field(nameof(TierForm.Rank), $"Another tier already has rank {form.Rank}: ranks order tiers, so each must be different.")
            : null;
    }


    private static string Describe(string? name, string? slug, int? rank, string? description) =>
        $"{name} ({slug}), rank {rank}" + (description is null ? "" : $": {description}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
