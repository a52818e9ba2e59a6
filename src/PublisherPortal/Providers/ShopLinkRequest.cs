using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// Everything a provider's shop link may need. <see cref="ReturnUrl"/> brings the reader back to the story (on
/// cancel); <see cref="ReturnAfterPurchaseUrl"/> brings them back with the new plan: for a signed-in reader the story
/// with <c>portal_refresh=1</c> (their plans are re-read first), for a visitor our sign-in at this provider, which
/// returns to the story. <see cref="PlanKey"/> is the cheapest mapped plan that opens the story and
/// <see cref="Offer"/> the offer an admin set for the cheapest such tier (null: none set); <see cref="ReaderEmail"/>
/// is null for a visitor.
/// </summary>
public sealed record ShopLinkRequest(
    OidcProviderInfo Provider,
    string? PlanKey,
    string? Offer,
    string? ReaderEmail,
    string LocalPath,
    string ReturnUrl,
    string ReturnAfterPurchaseUrl);
