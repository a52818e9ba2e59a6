using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;

namespace PublisherPortal.Paywall;

/// <summary>
/// Where the paywall sends a reader, by reason and by the reader's provider: the sign-in chooser for anonymous
/// readers; the provider's own shop for signed-in ones (Pliro <c>/subscribe</c> with
/// <c>continue_url</c>; Subrite checkout with <c>reference</c>, <c>onCheckoutCompletedUrl</c>, <c>callBackUrl</c>),
/// returning to the article with <c>portal_refresh=1</c> so the new plan applies at once.
/// </summary>
public sealed class PaywallLinks(
    IServiceProvider services, TierCatalog tiers, IOptionsMonitor<ProviderCommerceOptions> commerce,
    IOptionsMonitor<OidcProviderOptions> oidc, IOptions<PortalOptions> portal)
{
    public IReadOnlyList<PaywallLink> For(AccessDecision decision, AccessRule access, Reader reader, string articlePath)
    {
        var local = LocalUrl.OrHome(articlePath);
        var catalog = services.GetService<OidcProviderCatalog>();
        if (decision.Reason == TeaserReason.Anonymous || !reader.IsSignedIn)
        {
            var links = new List<PaywallLink> { new(PaywallLinkKind.SignIn, "Sign in", "/account/login?returnUrl=" + Uri.EscapeDataString(local)) };
            links.AddRange((catalog?.Providers ?? []).Select(p => new PaywallLink(PaywallLinkKind.Provider, $"Continue with {p.DisplayName}",
                $"/account/login?provider={Uri.EscapeDataString(p.Key)}&returnUrl={Uri.EscapeDataString(local)}")));
            links.Add(new(PaywallLinkKind.Subscribe, "Subscribe", OwnSubscribePage(local)));
            return links;
        }

        var label = decision.Reason switch
        {
            TeaserReason.TierTooLow => $"Upgrade to {access.MinimumTierName ?? "a higher plan"}",
            TeaserReason.Expired => "Renew your subscription",
            _ => access.MinimumTierName is { } tier ? $"Subscribe to {tier}" : "Subscribe",
        };
        ProviderInfoOrNull(catalog, reader.Provider, out var provider);
        return [new(PaywallLinkKind.Subscribe, label, ShopUrl(provider, access, reader, local) ?? OwnSubscribePage(local))];
    }

    private string? ShopUrl(OidcProviderInfo? provider, AccessRule access, Reader reader, string local)
    {
        if (provider is null)
        {
            return null;
        }

        var shop = commerce.Get(provider.Key);
        var back = portal.Value.AbsoluteUrl(local);
        var backWithMarker = QueryHelpers.AddQueryString(back, EntitlementOptions.RefreshParameter, "1");
        var plan = access.Level == AccessLevel.Tier && access.MinimumTierRank is { } rank ? tiers.Get().CheapestPlanFor(provider.Key, rank) : null;
        switch (provider.Type)
        {
            case OidcProviderType.Pliro when oidc.Get(provider.Key).Issuer is { Length: > 0 } site:
                // Pliro offers are not plan slugs, so no offer page is guessed from a plan: the subscribe page lists them
                // all (offers configured per tier are issue 14 item 4).
                var query = new Dictionary<string, string?> { ["continue_url"] = backWithMarker };
                if (reader.Email is { Length: > 0 } email)
                {
                    query["email"] = email;
                }

                return QueryHelpers.AddQueryString(site.TrimEnd('/') + shop.SubscribePath, query);
            case OidcProviderType.Subrite when shop.CheckoutUrl is { Length: > 0 } checkout:
                var checkoutQuery = new Dictionary<string, string?>();
                if (plan is not null)
                {
                    // The package parameter is not documented by Subrite; the checkout still works without it.
                    checkoutQuery["package"] = plan;
                }

                checkoutQuery["reference"] = local;
                checkoutQuery["onCheckoutCompletedUrl"] = backWithMarker;
                checkoutQuery["callBackUrl"] = back;
                return QueryHelpers.AddQueryString(checkout, checkoutQuery);
            default:
                return null;
        }
    }

    private static void ProviderInfoOrNull(OidcProviderCatalog? catalog, string? key, out OidcProviderInfo? provider) =>
        provider = catalog is not null && catalog.TryGet(key, out var found) ? found : null;

    private static string OwnSubscribePage(string local) => "/subscribe?returnUrl=" + Uri.EscapeDataString(local);
}
