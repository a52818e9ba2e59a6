using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// Pliro (docs/providers/pliro.md): the plan is in the ID token (<c>plan</c>, and <c>plan_slugs</c> in newer sites);
/// plans are refreshed by a silent re-authentication; the shop is the Pliro site's offer or subscribe page, which
/// returns the reader to <c>continue_url</c>.
/// </summary>
public sealed class PliroProvider(IOptionsMonitor<ProviderCommerceOptions> commerce, IOptionsMonitor<OidcProviderOptions> oidc)
    : ISubscriptionProvider
{
    public IReadOnlyCollection<OidcProviderType> Types { get; } = [OidcProviderType.Pliro];

    public bool SellsOffers => true;

    public Task<PlanRead?> ReadPlansAsync(ClaimsIdentity identity, OidcProviderInfo provider, string? accessToken, CancellationToken cancellationToken) =>
        Task.FromResult<PlanRead?>(PlanClaims.Read(identity));

    public Task<PlanRefreshOutcome> RefreshPlansAsync(HttpContext context, OidcProviderInfo provider, string returnUrl) =>
        SilentSignIn.StartAsync(context, provider, returnUrl);

    public string? ShopUrl(ShopLinkRequest request)
    {
        if (oidc.Get(request.Provider.Key).Issuer is not { Length: > 0 } site)
        {
            return null;
        }

        // Pliro offers are not plan slugs, so no offer page is guessed from a plan: the subscribe page lists them all.
        var query = new Dictionary<string, string?> { ["continue_url"] = request.ReturnAfterPurchaseUrl };
        if (request.ReaderEmail is { Length: > 0 } email)
        {
            query["email"] = email;
        }

        return QueryHelpers.AddQueryString(site.TrimEnd('/') + commerce.Get(request.Provider.Key).SubscribePath, query);
    }
}
