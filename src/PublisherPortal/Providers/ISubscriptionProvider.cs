using System.Security.Claims;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// What differs between subscription platforms once a reader has proved who they are: where their plans come from,
/// how those plans are kept current, and where the paywall sends them to buy. One implementation per provider type,
/// so supporting a new platform is one file (see docs/architecture.md, "Providers").
/// </summary>
public interface ISubscriptionProvider
{
    /// <summary>The provider types (<c>Providers:{key}:Type</c>) this behaviour serves.</summary>
    IReadOnlyCollection<OidcProviderType> Types { get; }

    /// <summary>
    /// At sign-in, the reader's plans. Null when the provider could not be asked: the last known plans then hold for
    /// their grace period. May add profile claims the provider gives only here (Subrite's name and e-mail).
    /// </summary>
    Task<PlanRead?> ReadPlansAsync(ClaimsIdentity identity, OidcProviderInfo provider, string? accessToken, CancellationToken cancellationToken);

    /// <summary>
    /// Brings a signed-in reader's plans up to date (stale, or back from checkout). Either updates the session in
    /// place, or starts a round trip to the provider that ends back at <paramref name="returnUrl"/>.
    /// </summary>
    Task<PlanRefreshOutcome> RefreshPlansAsync(HttpContext context, OidcProviderInfo provider, string returnUrl);

    /// <summary>The provider's own page where a signed-in reader buys or upgrades; null sends them to our subscribe page.</summary>
    string? ShopUrl(ShopLinkRequest request);

    /// <summary>Whether the shop sells offers named apart from plans (Pliro), which an admin sets per plan mapping.</summary>
    bool SellsOffers => false;
}
