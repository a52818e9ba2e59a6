namespace PublisherPortal.Providers;

/// <summary>
/// The parts of <c>Providers:{key}</c> the OpenID Connect library ignores and the paywall and entitlements need:
/// where to read Subrite subscriptions, and the provider's own subscribe, offer and checkout pages. Named per key.
/// </summary>
public sealed class ProviderCommerceOptions
{
    /// <summary>Subrite member API base, e.g. <c>https://api.subrite.no</c>. Required for Subrite.</summary>
    public string? MemberApiBase { get; set; }

    /// <summary>Subrite checkout page URL (a setting: Subrite gives it per publication).</summary>
    public string? CheckoutUrl { get; set; }

    /// <summary>Pliro Site paths, relative to the issuer (the site URL). Older sites used <c>/plans/{offer}</c>.</summary>
    public string SubscribePath { get; set; } = "/subscribe";

    public string OfferPath { get; set; } = "/offers/{offer}";

    public string OfferSubscribePath { get; set; } = "/offers/{offer}/subscribe";

    /// <summary>The reader's account page at the provider (undocumented for Pliro: a setting).</summary>
    public string? AccountUrl { get; set; }
}
