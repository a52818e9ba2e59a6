using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Providers;

/// <summary>
/// Pliro (docs/providers/pliro.md): the plan is in the ID token (<c>plan</c>, and <c>plan_slugs</c> in newer sites);
/// plans are refreshed through Pliro's documented userinfo update, with a silent re-authentication only as the
/// fallback; the shop is the Pliro site's offer or subscribe page, which returns the reader to <c>continue_url</c>.
/// </summary>
public sealed class PliroProvider(
    IOptionsMonitor<ProviderCommerceOptions> commerce, IOptionsMonitor<OidcProviderOptions> oidc,
    IReaderAccessTokens accessTokens, UserInfoPlanRefresh userInfo)
    : ISubscriptionProvider
{
    public IReadOnlyCollection<OidcProviderType> Types { get; } = [OidcProviderType.Pliro];

    public bool SellsOffers => true;

    public Task<PlanRead?> ReadPlansAsync(ClaimsIdentity identity, OidcProviderInfo provider, string? accessToken, CancellationToken cancellationToken) =>
        Task.FromResult<PlanRead?>(PlanClaims.Read(identity));

    /// <summary>
    /// "Update customer information": userinfo with the session's access token gives <c>plan</c> and
    /// <c>plan_slugs</c> now, and the session is updated in place. A refused token (401: Pliro's tokens expire, and it
    /// issues no refresh token) or an unusable answer falls back to a silent re-authentication, which also tells us
    /// whether the reader is still signed in at Pliro. An unreachable Pliro keeps what the session knows.
    /// </summary>
    public async Task<PlanRefreshOutcome> RefreshPlansAsync(HttpContext context, OidcProviderInfo provider, string returnUrl)
    {
        if (await accessTokens.GetAccessTokenAsync(context, context.RequestAborted) is not { } token)
        {
            return await SilentSignIn.StartAsync(context, provider, returnUrl);
        }

        return await userInfo.RefreshAsync(context, provider, token) switch
        {
            OidcUserInfoStatus.Succeeded => PlanRefreshOutcome.Updated,
            OidcUserInfoStatus.ProviderUnavailable => PlanRefreshOutcome.Unchanged,
            _ => await SilentSignIn.StartAsync(context, provider, returnUrl),
        };
    }

    /// <summary>
    /// The Pliro Site page that sells what the story needs (docs/providers/pliro.md, "Shop pages"): the offer an admin
    /// set for the cheapest sufficient tier, on its subscribe page when the reader's e-mail is known (it takes
    /// <c>email</c>) or else on its offer page; without an offer, the subscribe page listing them all. Offers are
    /// never guessed from plan slugs. Every page returns to <c>continue_url</c>.
    /// </summary>
    public string? ShopUrl(ShopLinkRequest request)
    {
        if (oidc.Get(request.Provider.Key).Issuer is not { Length: > 0 } site)
        {
            return null;
        }

        var paths = commerce.Get(request.Provider.Key);
        var email = request.ReaderEmail is { Length: > 0 } known ? known : null;
        var path = (request.Offer, email) switch
        {
            ({ } offer, not null) => paths.OfferSubscribePath.Replace("{offer}", Uri.EscapeDataString(offer), StringComparison.Ordinal),
            ({ } offer, null) => paths.OfferPath.Replace("{offer}", Uri.EscapeDataString(offer), StringComparison.Ordinal),
            _ => paths.SubscribePath,
        };
        var query = new Dictionary<string, string?> { ["continue_url"] = request.ReturnAfterPurchaseUrl };
        if (email is not null)
        {
            // The subscribe and offer subscribe pages take it; the offer page is used only without one.
            query["email"] = email;
        }

        return QueryHelpers.AddQueryString(site.TrimEnd('/') + path, query);
    }
}
