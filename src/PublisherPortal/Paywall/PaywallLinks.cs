using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;
using PublisherPortal.Providers;

namespace PublisherPortal.Paywall;

/// <summary>
/// Where the paywall sends a reader, by reason and by the reader's provider: the sign-in chooser for anonymous
/// readers; the provider's own shop for signed-in ones (<see cref="ISubscriptionProvider.ShopUrl"/>), returning to
/// the article with <c>portal_refresh=1</c> so the new plan applies at once; our subscribe page otherwise.
/// </summary>
public sealed class PaywallLinks(OidcProviderCatalog catalog, SubscriptionProviders providers, TierCatalog tiers, IOptions<PortalOptions> portal)
{
    public IReadOnlyList<PaywallLink> For(AccessDecision decision, AccessRule access, Reader reader, string articlePath)
    {
        var local = LocalUrl.OrHome(articlePath);
        if (decision.Reason == TeaserReason.Anonymous || !reader.IsSignedIn)
        {
            var links = new List<PaywallLink> { new(PaywallLinkKind.SignIn, "Sign in", "/account/login?returnUrl=" + Uri.EscapeDataString(local)) };
            links.AddRange(catalog.Providers.Select(p => new PaywallLink(PaywallLinkKind.Provider, $"Continue with {p.DisplayName}",
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
        return [new(PaywallLinkKind.Subscribe, label, ShopUrl(access, reader, local) ?? OwnSubscribePage(local))];
    }

    private string? ShopUrl(AccessRule access, Reader reader, string local)
    {
        if (providers.Find(reader.Provider) is not { } provider)
        {
            return null;
        }

        var back = portal.Value.AbsoluteUrl(local);
        var plan = access.Level == AccessLevel.Tier && access.MinimumTierRank is { } rank ? tiers.Get().CheapestPlanFor(provider.Key, rank) : null;
        return provider.Behaviour.ShopUrl(new ShopLinkRequest(
            provider.Info, plan, reader.Email, local, back, QueryHelpers.AddQueryString(back, EntitlementOptions.RefreshParameter, "1")));
    }

    private static string OwnSubscribePage(string local) => "/subscribe?returnUrl=" + Uri.EscapeDataString(local);
}
