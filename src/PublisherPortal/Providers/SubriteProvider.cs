using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Providers;

/// <summary>
/// Subrite (docs/providers/subrite.md): subscriptions are not in the ID token but in the member API, read with the
/// reader's access token (renewed with the refresh token first when it is about to expire); the shop is Subrite's
/// checkout, which returns to <c>onCheckoutCompletedUrl</c> after a purchase and to <c>callBackUrl</c> on cancel.
/// </summary>
public sealed class SubriteProvider(
    SubriteMemberApi memberApi, IReaderAccessTokens accessTokens, ReaderSessionUpdater sessions, EntitlementResolver entitlements,
    IOptionsMonitor<ProviderCommerceOptions> commerce)
    : ISubscriptionProvider
{
    public IReadOnlyCollection<OidcProviderType> Types { get; } = [OidcProviderType.Subrite];

    public async Task<PlanRead?> ReadPlansAsync(ClaimsIdentity identity, OidcProviderInfo provider, string? accessToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accessToken) || await memberApi.ReadAsync(provider.Key, accessToken, cancellationToken) is not { } profile)
        {
            return null;
        }

        // Subrite's ID token carries no profile: the member API says who the reader is.
        AddIfMissing(identity, OidcClaimTypes.Name, profile.FullName);
        AddIfMissing(identity, OidcClaimTypes.Email, profile.Email);
        return new PlanRead(profile.Plans, PlanSources.MemberApi);
    }

    public async Task<PlanRefreshOutcome> RefreshPlansAsync(HttpContext context, OidcProviderInfo provider, string returnUrl)
    {
        // Renew the access token first (it may rotate the refresh token), then update the session as stored.
        var token = await accessTokens.GetAccessTokenAsync(context, context.RequestAborted);
        var updated = await sessions.UpdateAsync(context, async identity =>
        {
            if (await ReadPlansAsync(identity, provider, token, context.RequestAborted) is not { } read)
            {
                return false;
            }

            await entitlements.RefreshAsync(identity, provider.Key, read, context.RequestAborted);
            return true;
        });
        return updated is null ? PlanRefreshOutcome.Unchanged : PlanRefreshOutcome.Updated;
    }

    public string? ShopUrl(ShopLinkRequest request)
    {
        if (commerce.Get(request.Provider.Key).CheckoutUrl is not { Length: > 0 } checkout)
        {
            return null;
        }

        var query = new Dictionary<string, string?>();
        if (request.PlanKey is { } package)
        {
            // Not documented by Subrite (a guess, docs/providers/subrite.md); its checkout works without it.
            query["package"] = package;
        }

        query["reference"] = request.LocalPath;
        query["onCheckoutCompletedUrl"] = request.ReturnAfterPurchaseUrl;
        query["callBackUrl"] = request.ReturnUrl;
        return QueryHelpers.AddQueryString(checkout, query);
    }

    private static void AddIfMissing(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !identity.HasClaim(c => c.Type == type))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
