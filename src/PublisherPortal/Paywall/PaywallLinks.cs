using PublisherPortal.Accounts;
using PublisherPortal.Oidc;

namespace PublisherPortal.Paywall;

/// <summary>
/// Where the paywall sends a reader, by reason and by the reader's provider: the sign-in chooser and our subscribe page
/// (which lists every provider's shop for visitors) for anonymous readers; the provider's own shop for signed-in ones
/// (<see cref="ShopLinks"/>), returning to the article with <c>portal_refresh=1</c> so the new plan applies at once; our
/// subscribe page when their provider has no shop.
/// </summary>
public sealed class PaywallLinks(OidcProviderCatalog catalog, ShopLinks shops)
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
        var rank = access.Level == AccessLevel.Tier ? access.MinimumTierRank : null;
        return [new(PaywallLinkKind.Subscribe, label, shops.ForReader(reader, rank, local) ?? OwnSubscribePage(local))];
    }

    private static string OwnSubscribePage(string local) => "/subscribe?returnUrl=" + Uri.EscapeDataString(local);
}
