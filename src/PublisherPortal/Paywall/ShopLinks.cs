using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;
using PublisherPortal.Providers;

namespace PublisherPortal.Paywall;

/// <summary>
/// Links to the providers' own shops (<see cref="ISubscriptionProvider.ShopUrl"/>), for the cheapest tier that opens
/// what the reader wants. A signed-in reader buys at their own provider and returns to the story with
/// <c>portal_refresh=1</c>, so their plans are re-read at once. A visitor may buy at any provider with a shop, and returns
/// through our sign-in at that provider, back to the story: Subrite's checkout says its buyers come back "automatically
/// logged in" (docs/providers/subrite.md), and a Pliro customer who bought is a Pliro customer to sign in as.
/// </summary>
public sealed class ShopLinks(OidcProviderCatalog catalog, SubscriptionProviders providers, TierCatalog tiers, IOptions<PortalOptions> portal)
{
    /// <summary>Where a signed-in reader buys a plan opening <paramref name="minimumRank"/> (any plan when null); null when their provider has no shop.</summary>
    public string? ForReader(Reader reader, int? minimumRank, string localPath)
    {
        if (!reader.IsSignedIn || providers.Find(reader.Provider) is not { } provider)
        {
            return null;
        }

        var local = LocalUrl.OrHome(localPath);
        var back = portal.Value.AbsoluteUrl(local);
        return Link(provider, minimumRank, reader.Email, local, QueryHelpers.AddQueryString(back, EntitlementOptions.RefreshParameter, "1"));
    }

    /// <summary>Every configured provider's shop for a visitor who is not signed in, in the sign-in chooser's order.</summary>
    public IReadOnlyList<ShopLink> ForVisitor(int? minimumRank, string localPath)
    {
        var local = LocalUrl.OrHome(localPath);
        var links = new List<ShopLink>();
        foreach (var info in catalog.Providers)
        {
            if (providers.Find(info.Key) is not { } provider)
            {
                continue;
            }

            var signIn = portal.Value.AbsoluteUrl(
                $"/account/login?provider={Uri.EscapeDataString(info.Key)}&returnUrl={Uri.EscapeDataString(local)}");
            if (Link(provider, minimumRank, null, local, signIn) is { } url)
            {
                links.Add(new ShopLink(info.Key, info.DisplayName, url));
            }
        }

        return links;
    }

    private string? Link(ConfiguredProvider provider, int? minimumRank, string? email, string local, string afterPurchase)
    {
        var map = tiers.Get();
        var plan = minimumRank is { } rank ? map.CheapestPlanFor(provider.Key, rank) : null;
        var offer = minimumRank is { } r ? map.CheapestOfferFor(provider.Key, r) : null;
        return provider.Behaviour.ShopUrl(new ShopLinkRequest(
            provider.Info, plan, offer, email, local, portal.Value.AbsoluteUrl(local), afterPurchase));
    }
}

/// <summary>One provider's shop, as a visitor is offered it.</summary>
public sealed record ShopLink(string ProviderKey, string ProviderName, string Url);
