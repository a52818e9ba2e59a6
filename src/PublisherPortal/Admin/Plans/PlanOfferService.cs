using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Providers;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Admin.Plans;

/// <summary>
/// Sets the offer a plan mapping sells (<see cref="Entitlements.PlanMapping.Offer"/>): the paywall then links that
/// offer's page at the provider's shop (docs/providers/pliro.md, "Shop pages"). Admins only, authorized again here;
/// validated; audited; an offer another plan already sells, or a change someone else made since the form was shown,
/// is refused, never overwritten. Announced like every mapping change: the tier map carries the offers.
/// </summary>
public sealed class PlanOfferService(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, ContentChanges changes, SubscriptionProviders providers)
{
    public async Task<StaffResult> SetOfferAsync(ClaimsPrincipal user, int mappingId, PlanOfferForm form, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        var offer = string.IsNullOrWhiteSpace(form.Offer) ? null : form.Offer.Trim();
        if (offer is not null && PlanOfferForm.OfferError(offer) is { } invalid)
        {
            return StaffResult.Field(nameof(PlanOfferForm.Offer), invalid);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var mapping = await db.PlanMappings.AsNoTracking().Where(m => m.Id == mappingId)
            .Select(m => new { m.ProviderKey, m.PlanKey }).FirstOrDefaultAsync(ct);
        if (mapping is null)
        {
            return StaffResult.Conflict("This plan mapping");
        }

        if (offer is not null && providers.Find(mapping.ProviderKey) is not { Behaviour.SellsOffers: true })
        {
            return StaffResult.Field(nameof(PlanOfferForm.Offer), $"{mapping.ProviderKey} does not sell offers: its paywall links need none.");
        }

        if (offer is not null)
        {
            var lower = offer.ToLowerInvariant();
            var other = await db.PlanMappings.AsNoTracking()
                .Where(m => m.ProviderKey == mapping.ProviderKey && m.Id != mappingId && m.Offer != null && m.Offer.ToLower() == lower)
                .Select(m => m.PlanKey).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                return StaffResult.Field(nameof(PlanOfferForm.Offer), $"Offer {offer} already sells plan {other} at {mapping.ProviderKey}: an offer grants one plan.");
            }
        }

        var original = string.IsNullOrWhiteSpace(form.OriginalOffer) ? null : form.OriginalOffer.Trim();
        StaffResult result;
        try
        {
            result = await db.InTransactionAsync(async transaction =>
            {
                var updated = await db.PlanMappings.Where(m => m.Id == mappingId && m.Offer == original)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Offer, offer), ct);
                if (updated != 1)
                {
                    return StaffResult.Conflict($"The offer of plan {mapping.PlanKey}");
                }

                audit.Record(db, actor, AuditActions.MappingOffer, $"mapping {mapping.ProviderKey}/{mapping.PlanKey}", Offer(original), Offer(offer));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return StaffResult.Done(offer is null
                    ? $"Plan {mapping.PlanKey} sells no offer now: its paywall links the subscribe page."
                    : $"Plan {mapping.PlanKey} is now sold as offer {offer}.");
            }, ct);
        }
        catch (System.Data.Common.DbException) when (offer is not null)
        {
            // The unique (provider, offer) index: another admin gave this offer to another plan a moment ago.
            return StaffResult.Field(nameof(PlanOfferForm.Offer), $"Offer {offer} was given to another plan at {mapping.ProviderKey} just now. Nothing was saved.");
        }

        if (result.Succeeded)
        {
            await changes.PlanMappingsChangedAsync();
        }

        return result;
    }

    private static string Offer(string? offer) => offer is null ? "no offer" : $"offer {offer}";
}
