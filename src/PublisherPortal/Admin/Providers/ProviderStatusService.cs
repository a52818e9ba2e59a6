using System.Security.Claims;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;
using PublisherPortal.Staff;

namespace PublisherPortal.Admin.Providers;

/// <summary>
/// The providers page: each configured provider's status, checked now (<see cref="OidcProviderProbe"/>), and the URIs
/// to register at it, built from <c>Portal:BaseUrl</c> exactly as sign-in and sign-out use them. Admins only.
/// </summary>
public sealed class ProviderStatusService(OidcProviderCatalog catalog, OidcProviderProbe probe, IOptions<PortalOptions> portal, StaffGate gate)
{
    public sealed record ProviderView(OidcProviderStatus Status, string BackchannelLogoutUri);

    public async Task<(IReadOnlyList<ProviderView> Providers, StaffResult? Refusal)> CheckAllAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null)
        {
            return ([], decision.Refused());
        }

        // Every provider at once: an unreachable one costs its timeout, not everyone's.
        var statuses = await Task.WhenAll(catalog.Providers.Select(p => probe.ProbeAsync(p.Key, ct)));
        return (statuses.OfType<OidcProviderStatus>()
            .Select(s => new ProviderView(s, portal.Value.AbsoluteUrl(BackchannelLogoutEndpoint.PathFor(s.Key)))).ToList(), null);
    }
}
