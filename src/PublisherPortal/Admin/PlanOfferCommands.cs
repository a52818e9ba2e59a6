using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Providers;

namespace PublisherPortal.Admin;

/// <summary>
/// Sets the offer a plan mapping sells (<see cref="PlanMapping.Offer"/>), for the plan mappings screen: the paywall
/// then links that offer's page at the provider's shop (docs/providers/pliro.md, "Shop pages"). Admins only, checked
/// here and not only by the page that calls it; validated; a change made by someone else since the form was shown, or
/// an offer another plan already sells, is refused, never overwritten. Clears the tier cache like every mapping change.
/// </summary>
public sealed class PlanOfferCommands(PortalDbContext db, TierCatalog tiers, SubscriptionProviders providers, IAuthorizationService authorization)
{
    public const int MaxLength = 200;

    public async Task<AdminResult> SetOfferAsync(ClaimsPrincipal user, int mappingId, PlanOfferForm form, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, AdminEndpoints.Policy)).Succeeded)
        {
            return AdminResult.Error("Only an admin may set the offer a plan sells.");
        }

        var offer = string.IsNullOrWhiteSpace(form.Offer) ? null : form.Offer.Trim();
        if (offer is not null && OfferError(offer) is { } invalid)
        {
            return AdminResult.Error(invalid);
        }

        var mapping = await db.PlanMappings.AsNoTracking().Where(m => m.Id == mappingId)
            .Select(m => new { m.ProviderKey, m.PlanKey }).FirstOrDefaultAsync(ct);
        if (mapping is null)
        {
            return AdminResult.Conflict("This plan mapping");
        }

        if (offer is not null && providers.Find(mapping.ProviderKey) is not { Behaviour.SellsOffers: true })
        {
            return AdminResult.Error($"{mapping.ProviderKey} does not sell offers: its paywall links need none.");
        }

        if (offer is not null)
        {
            var lower = offer.ToLowerInvariant();
            var other = await db.PlanMappings.AsNoTracking()
                .Where(m => m.ProviderKey == mapping.ProviderKey && m.Id != mappingId && m.Offer != null && m.Offer.ToLower() == lower)
                .Select(m => m.PlanKey).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                return AdminResult.Error($"Offer {offer} already sells plan {other} at {mapping.ProviderKey}: an offer grants one plan.");
            }
        }

        var original = string.IsNullOrWhiteSpace(form.OriginalOffer) ? null : form.OriginalOffer.Trim();
        int updated;
        try
        {
            updated = await db.PlanMappings.Where(m => m.Id == mappingId && m.Offer == original)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Offer, offer), ct);
        }
        catch (System.Data.Common.DbException) when (offer is not null)
        {
            // The unique (provider, offer) index: another admin gave this offer to another plan a moment ago.
            return AdminResult.Error($"Offer {offer} was given to another plan at {mapping.ProviderKey} just now. Nothing was saved.");
        }

        tiers.Invalidate();
        return updated == 1
            ? AdminResult.Ok(offer is null ? $"Plan {mapping.PlanKey} sells no offer now: its paywall links the subscribe page." : $"Plan {mapping.PlanKey} is now sold as offer {offer}.")
            : AdminResult.Conflict($"The offer of plan {mapping.PlanKey}");
    }

    /// <summary>
    /// An offer is a path segment of the shop's address (<c>/offers/{offer}</c>): URL-unreserved characters only, so
    /// a pasted URL, a name with spaces or a bare <c>..</c> is caught here rather than producing a broken link.
    /// </summary>
    public static string? OfferError(string offer) =>
        offer.Length > MaxLength || offer.All(c => c == '.') || !offer.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            ? $"The offer must be its name as in the shop's address /offers/{{offer}}: 1–{MaxLength} letters, digits, '-', '_', '.' or '~' (e.g. digital-premium-yearly), not a whole URL."
            : null;
}
