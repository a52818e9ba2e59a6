using System.Security.Claims;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// PiPA and any standard OpenID provider (docs/providers/pipa.md, docs/providers/generic.md): plans come from the
/// configured plan claim, are refreshed by a silent re-authentication, and are bought on our own subscribe page.
/// </summary>
public sealed class GenericProvider : ISubscriptionProvider
{
    public IReadOnlyCollection<OidcProviderType> Types { get; } = [OidcProviderType.PiPA, OidcProviderType.Generic];

    public Task<PlanRead?> ReadPlansAsync(ClaimsIdentity identity, OidcProviderInfo provider, string? accessToken, CancellationToken cancellationToken) =>
        Task.FromResult<PlanRead?>(PlanClaims.Read(identity));

    public Task<PlanRefreshOutcome> RefreshPlansAsync(HttpContext context, OidcProviderInfo provider, string returnUrl) =>
        SilentSignIn.StartAsync(context, provider, returnUrl);

    public string? ShopUrl(ShopLinkRequest request) => null;
}
