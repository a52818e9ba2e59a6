using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// Everything a provider's shop link may need. <see cref="ReturnUrl"/> brings the reader back to the story;
/// <see cref="ReturnAfterPurchaseUrl"/> does the same and re-reads their plans first (<c>portal_refresh=1</c>).
/// </summary>
public sealed record ShopLinkRequest(
    OidcProviderInfo Provider,
    string? PlanKey,
    string? ReaderEmail,
    string LocalPath,
    string ReturnUrl,
    string ReturnAfterPurchaseUrl);
