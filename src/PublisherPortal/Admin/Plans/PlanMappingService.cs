using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Admin.Plans;

/// <summary>
/// The plan mappings screen's actions, per provider, and the plans readers signed in with that no mapping covers.
/// Admins only, authorized again here; audited; conflicts refused; every change announced once committed
/// (<see cref="ContentChanges.PlanMappingsChangedAsync"/>) so every instance's tier map follows.
/// </summary>
public sealed class PlanMappingService(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, ContentChanges changes, OidcProviderCatalog catalog)
{
    public sealed record MappingPage(IReadOnlyList<MappingRow> Rows, int Total, StaffResult? Refusal);

    public sealed record UnmappedPage(IReadOnlyList<UnmappedPlan> Plans, int Total, StaffResult? Refusal);

    public IReadOnlyList<OidcProviderInfo> Providers => catalog.Providers;

    public async Task<MappingPage> ListAsync(
        ClaimsPrincipal user, string provider, string? search, string? sortBy, bool descending, int page, int pageSize, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null)
        {
            return new MappingPage([], 0, decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.PlanMappings.AsNoTracking().Where(m => m.ProviderKey == provider);
        if (search?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
            query = query.Where(m => m.PlanKey.ToLower().Contains(text) || m.AccessTier.Name.ToLower().Contains(text));
        }

        var total = await query.CountAsync(ct);
        query = (sortBy, descending) switch
        {
            (nameof(MappingRow.TierName), false) => query.OrderBy(m => m.AccessTier.Rank).ThenBy(m => m.PlanKey),
            (nameof(MappingRow.TierName), true) => query.OrderByDescending(m => m.AccessTier.Rank).ThenBy(m => m.PlanKey),
            (_, true) => query.OrderByDescending(m => m.PlanKey),
            _ => query.OrderBy(m => m.PlanKey),
        };
        var size = Math.Clamp(pageSize, 1, 100);
        var rows = await query.Skip(Math.Max(page, 0) * size).Take(size)
            .Select(m => new MappingRow(m.Id, m.ProviderKey, m.PlanKey, m.AccessTierId, m.AccessTier.Name, m.AccessTier.Rank, m.Offer))
            .ToListAsync(ct);
        return new MappingPage(rows, total, null);
    }

    public async Task<UnmappedPage> UnmappedAsync(ClaimsPrincipal user, string? sortBy, bool descending, int page, int pageSize, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null)
        {
            return new UnmappedPage([], 0, decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.UnmappedPlans.AsNoTracking();
        var total = await query.CountAsync(ct);
        query = (sortBy, descending) switch
        {
            (nameof(UnmappedPlan.SeenCount), false) => query.OrderBy(p => p.SeenCount).ThenBy(p => p.Id),
            (nameof(UnmappedPlan.SeenCount), true) => query.OrderByDescending(p => p.SeenCount).ThenBy(p => p.Id),
            (nameof(UnmappedPlan.PlanKey), false) => query.OrderBy(p => p.PlanKey).ThenBy(p => p.Id),
            (nameof(UnmappedPlan.PlanKey), true) => query.OrderByDescending(p => p.PlanKey).ThenBy(p => p.Id),
            (nameof(UnmappedPlan.ProviderKey), false) => query.OrderBy(p => p.ProviderKey).ThenBy(p => p.Id),
            (nameof(UnmappedPlan.ProviderKey), true) => query.OrderByDescending(p => p.ProviderKey).ThenBy(p => p.Id),
            (nameof(UnmappedPlan.LastSeenAt), false) => query.OrderBy(p => p.LastSeenAt).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.LastSeenAt).ThenBy(p => p.Id),
        };
        var size = Math.Clamp(pageSize, 1, 100);
        return new UnmappedPage(await query.Skip(Math.Max(page, 0) * size).Take(size).ToListAsync(ct), total, null);
    }

    public async Task<StaffResult> CreateAsync(ClaimsPrincipal user, PlanMappingForm form, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        var provider = form.Provider?.Trim() ?? "";
        if (!catalog.TryGet(provider, out _))
        {
            return StaffResult.Field(nameof(PlanMappingForm.Provider), $"'{provider}' is not a configured provider.");
        }

        if (PlanMappingForm.PlanKeyError(form.PlanKey) is { } planError)
        {
            return StaffResult.Field(nameof(PlanMappingForm.PlanKey), planError);
        }

        var plan = form.PlanKey!.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (form.TierId is not { } tierId || await db.AccessTiers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tierId, ct) is not { } tier)
        {
            return StaffResult.Field(nameof(PlanMappingForm.TierId), "Choose a tier that exists.");
        }

        var lower = plan.ToLowerInvariant();
        if (await db.PlanMappings.AnyAsync(m => m.ProviderKey == provider && m.PlanKey.ToLower() == lower, ct))
        {
            return StaffResult.Field(nameof(PlanMappingForm.PlanKey), $"Plan {plan} at {provider} is already mapped: change that mapping instead.");
        }

        var result = await db.InTransactionAsync(async transaction =>
        {
            db.PlanMappings.Add(new PlanMapping { ProviderKey = provider, PlanKey = plan, AccessTierId = tierId });
            audit.Record(db, actor, AuditActions.MappingCreate, $"mapping {provider}/{plan}", null, $"tier {tier.Name}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return StaffResult.Conflict($"Plan {plan} at {provider}");
            }

            // Sightings of this plan at this provider are now covered; an id from another provider's row changes nothing.
            await db.UnmappedPlans.Where(u => u.ProviderKey == provider && u.PlanKey.ToLower() == lower).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done($"Plan {plan} at {provider} now opens tier {tier.Name}.");
        }, ct);
        if (result.Succeeded)
        {
            await changes.PlanMappingsChangedAsync();
        }

        return result;
    }

    public async Task<StaffResult> UpdateAsync(ClaimsPrincipal user, int id, PlanMappingForm form, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (form.TierId is not { } tierId || await db.AccessTiers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tierId, ct) is not { } tier)
        {
            return StaffResult.Field(nameof(PlanMappingForm.TierId), "Choose a tier that exists.");
        }

        var mapping = await db.PlanMappings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.ProviderKey, m.PlanKey, TierName = m.AccessTier.Name }).FirstOrDefaultAsync(ct);
        var result = await db.InTransactionAsync(async transaction =>
        {
            var updated = await db.PlanMappings.Where(m => m.Id == id && m.AccessTierId == form.OriginalTierId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.AccessTierId, tierId), ct);
            if (updated != 1 || mapping is null)
            {
                return StaffResult.Conflict($"The mapping of {form.PlanKey}");
            }

            audit.Record(db, actor, AuditActions.MappingUpdate, $"mapping {mapping.ProviderKey}/{mapping.PlanKey}", $"tier {mapping.TierName}", $"tier {tier.Name}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done($"Plan {mapping.PlanKey} at {mapping.ProviderKey} now opens tier {tier.Name}.");
        }, ct);
        if (result.Succeeded)
        {
            await changes.PlanMappingsChangedAsync();
        }

        return result;
    }

    public async Task<StaffResult> DeleteAsync(ClaimsPrincipal user, int id, PlanMappingForm shown, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var mapping = await db.PlanMappings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.ProviderKey, m.PlanKey, TierName = m.AccessTier.Name }).FirstOrDefaultAsync(ct);
        var result = await db.InTransactionAsync(async transaction =>
        {
            var deleted = await db.PlanMappings.Where(m => m.Id == id && m.AccessTierId == shown.OriginalTierId).ExecuteDeleteAsync(ct);
            if (deleted != 1 || mapping is null)
            {
                return StaffResult.Conflict($"The mapping of {shown.PlanKey}");
            }

            audit.Record(db, actor, AuditActions.MappingDelete, $"mapping {mapping.ProviderKey}/{mapping.PlanKey}", $"tier {mapping.TierName}", null);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done($"Mapping of {mapping.PlanKey} at {mapping.ProviderKey} removed.");
        }, ct);
        if (result.Succeeded)
        {
            await changes.PlanMappingsChangedAsync();
        }

        return result;
    }

}
