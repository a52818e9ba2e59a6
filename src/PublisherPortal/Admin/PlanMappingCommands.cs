using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;

namespace PublisherPortal.Admin;

/// <summary>
/// Plan mappings CRUD per provider. Every change is announced (<see cref="ContentChanges.PlanMappingsChangedAsync"/>):
/// every instance's tier cache forgets the mappings, so readers' access follows on their next page load.
/// </summary>
public sealed class PlanMappingCommands(PortalDbContext db, ContentChanges changes, Oidc.OidcProviderCatalog catalog)
{
    public async Task<AdminResult> CreateAsync(PlanMappingForm form, CancellationToken ct)
    {
        var provider = form.Provider?.Trim() ?? "";
        var plan = form.PlanKey?.Trim() ?? "";
        if (!KnownProviders().Contains(provider, StringComparer.Ordinal))
        {
            return AdminResult.Error($"'{provider}' is not a configured provider.");
        }

        if (plan.Length is 0 or > 200)
        {
            return AdminResult.Error("The plan key must be 1–200 characters, exactly as the provider reports it (e.g. premium, or Subrite's package id 102).");
        }

        if (form.TierId is not { } tierId || !await db.AccessTiers.AnyAsync(t => t.Id == tierId, ct))
        {
            return AdminResult.Error("Choose a tier that exists.");
        }

        var lower = plan.ToLowerInvariant();
        if (await db.PlanMappings.AnyAsync(m => m.ProviderKey == provider && m.PlanKey.ToLower() == lower, ct))
        {
            return AdminResult.Error($"Plan {plan} at {provider} is already mapped: change that mapping instead.");
        }

        db.PlanMappings.Add(new PlanMapping { ProviderKey = provider, PlanKey = plan, AccessTierId = tierId });
        if (form.UnmappedId is { } unmappedId)
        {
            // Only a sighting of this very plan at this provider: an id from another provider's row changes nothing.
            await db.UnmappedPlans.Where(u => u.Id == unmappedId && u.ProviderKey == provider && u.PlanKey.ToLower() == lower).ExecuteDeleteAsync(ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AdminResult.Error($"Plan {plan} at {provider} was mapped by someone else just now. Nothing was saved.");
        }

        // Sightings of this plan are now covered.
        await db.UnmappedPlans.Where(u => u.ProviderKey == provider && u.PlanKey.ToLower() == lower).ExecuteDeleteAsync(ct);
        await changes.PlanMappingsChangedAsync();
        return AdminResult.Ok($"Plan {plan} at {provider} now opens its tier.");
    }

    public async Task<AdminResult> UpdateAsync(int id, PlanMappingForm form, CancellationToken ct)
    {
        if (form.TierId is not { } tierId || !await db.AccessTiers.AnyAsync(t => t.Id == tierId, ct))
        {
            return AdminResult.Error("Choose a tier that exists.");
        }

        var updated = await db.PlanMappings.Where(m => m.Id == id && m.AccessTierId == form.OriginalTierId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AccessTierId, tierId), ct);
        await changes.PlanMappingsChangedAsync();
        return updated == 1 ? AdminResult.Ok($"Mapping of {form.PlanKey} saved.") : AdminResult.Conflict($"The mapping of {form.PlanKey}");
    }

    public async Task<AdminResult> DeleteAsync(int id, PlanMappingForm form, CancellationToken ct)
    {
        var deleted = await db.PlanMappings.Where(m => m.Id == id && m.AccessTierId == form.OriginalTierId).ExecuteDeleteAsync(ct);
        await changes.PlanMappingsChangedAsync();
        return deleted == 1 ? AdminResult.Ok($"Mapping of {form.PlanKey} removed.") : AdminResult.Conflict($"The mapping of {form.PlanKey}");
    }

    private IEnumerable<string> KnownProviders() => catalog.Providers.Select(p => p.Key);
}
