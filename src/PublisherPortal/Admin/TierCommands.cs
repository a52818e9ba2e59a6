using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;

namespace PublisherPortal.Admin;

/// <summary>
/// Tiers CRUD. Every change is announced (<see cref="ContentChanges.TierChangedAsync"/>): every instance's tier cache
/// forgets the tiers, so readers' access follows on their next page load, and the pages naming the tier are evicted.
/// </summary>
public sealed partial class TierCommands(PortalDbContext db, ContentChanges changes)
{
    public async Task<AdminResult> CreateAsync(TierForm form, CancellationToken ct)
    {
        if (Validate(form) is { } invalid)
        {
            return invalid;
        }

        if (await TakenAsync(form, null, ct) is { } taken)
        {
            return taken;
        }

        var tier = new AccessTier { Name = form.Name!.Trim(), Slug = form.Slug!.Trim(), Rank = form.Rank!.Value, Description = Blank(form.Description) };
        db.AccessTiers.Add(tier);
        return await SaveAsync(tier, $"Tier {form.Name!.Trim()} created.", ct);
    }

    public async Task<AdminResult> UpdateAsync(int id, TierForm form, CancellationToken ct)
    {
        if (Validate(form) is { } invalid)
        {
            return invalid;
        }

        if (await TakenAsync(form, id, ct) is { } taken)
        {
            return taken;
        }

        var description = Blank(form.Description);
        var originalDescription = Blank(form.OriginalDescription);
        var updated = await db.AccessTiers
            .Where(t => t.Id == id && t.Name == form.OriginalName && t.Slug == form.OriginalSlug && t.Rank == form.OriginalRank
                && t.Description == originalDescription)
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Name, form.Name!.Trim())
                .SetProperty(t => t.Slug, form.Slug!.Trim())
                .SetProperty(t => t.Rank, form.Rank!.Value)
                .SetProperty(t => t.Description, description), ct);
        await changes.TierChangedAsync(id);
        return updated == 1 ? AdminResult.Ok($"Tier {form.Name!.Trim()} saved.") : AdminResult.Conflict($"Tier {form.OriginalName}");
    }

    public async Task<AdminResult> DeleteAsync(int id, TierForm form, CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(a => a.MinimumTierId == id, ct))
        {
            return AdminResult.Error($"Tier {form.OriginalName} is the minimum tier of articles: change those articles first.");
        }

        if (await db.PlanMappings.AnyAsync(m => m.AccessTierId == id, ct))
        {
            return AdminResult.Error($"Plans still map to tier {form.OriginalName}: move or remove those mappings first.");
        }

        var deleted = await db.AccessTiers
            .Where(t => t.Id == id && t.Name == form.OriginalName && t.Slug == form.OriginalSlug && t.Rank == form.OriginalRank)
            .ExecuteDeleteAsync(ct);
        await changes.TierChangedAsync(id);
        return deleted == 1 ? AdminResult.Ok($"Tier {form.OriginalName} deleted.") : AdminResult.Conflict($"Tier {form.OriginalName}");
    }

    private static AdminResult? Validate(TierForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length > 100)
        {
            return AdminResult.Error("A tier needs a name of at most 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(form.Slug) || !SlugPattern().IsMatch(form.Slug.Trim()))
        {
            return AdminResult.Error("The slug must be 1–100 lowercase letters, digits or hyphens, e.g. premium.");
        }

        if (form.Rank is not { } rank || rank is < 1 or > 1_000_000)
        {
            return AdminResult.Error("The rank must be a whole number from 1 to 1000000; a higher rank opens every lower one.");
        }

        return form.Description is { Length: > 500 } ? AdminResult.Error("The description may be at most 500 characters.") : null;
    }

    private async Task<AdminResult?> TakenAsync(TierForm form, int? id, CancellationToken ct)
    {
        var slug = form.Slug!.Trim();
        if (await db.AccessTiers.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
        {
            return AdminResult.Error($"Another tier already has the slug {slug}.");
        }

        return await db.AccessTiers.AnyAsync(t => t.Rank == form.Rank && t.Id != id, ct)
            ? AdminResult.Error($"Another tier already has rank {form.Rank}: ranks order tiers, so each must be different.")
            : null;
    }

    private async Task<AdminResult> SaveAsync(AccessTier tier, string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AdminResult.Error("That clashes with a change someone else just made (slug or rank taken). Nothing was saved.");
        }

        await changes.TierChangedAsync(tier.Id);
        return AdminResult.Ok(message);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z0-9-]{1,100}$")]
    private static partial Regex SlugPattern();
}
