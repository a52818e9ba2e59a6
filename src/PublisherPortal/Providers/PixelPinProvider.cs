using System.Security.Claims;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// PixelPin (docs/providers/pixelpin.md) proves identity and sells nothing: its readers are registered readers, with
/// no plans to read, refresh or buy there.
/// </summary>
public sealed class PixelPinProvider : ISubscriptionProvider
{
    public IReadOnlyCollection<OidcProviderType> Types { get; } = [OidcProviderType.PixelPin];

    public Task<PlanRead?> ReadPlansAsync(ClaimsIdentity identity, OidcProviderInfo provider, string? accessToken, CancellationToken cancellationToken) =>
        Task.FromResult<PlanRead?>(PlanRead.NoPlans);

    public Task<PlanRefreshOutcome> RefreshPlansAsync(HttpContext context, OidcProviderInfo provider, string returnUrl) =>
        Task.FromResult(PlanRefreshOutcome.Unchanged);

    public string? ShopUrl(ShopLinkRequest request) => null;
}
