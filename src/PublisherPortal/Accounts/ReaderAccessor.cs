using Microsoft.Extensions.Options;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using System.Security.Claims;

namespace PublisherPortal.Accounts;

/// <summary>
/// Turns the request's signed-in principal into a <see cref="Reader"/>, once per request. The tier is resolved here,
/// per request, from the session's plan snapshot and the current plan mappings, so an admin's mapping change applies
/// on the reader's next page load.
/// </summary>
public sealed class ReaderAccessor(
    IHttpContextAccessor httpContextAccessor, TierCatalog tiers, TimeProvider clock, IOptions<EntitlementOptions> entitlements)
{
    private Reader? _reader;

    public Reader Current => _reader ??= Resolve(httpContextAccessor.HttpContext?.User);

    private Reader Resolve(ClaimsPrincipal? user)
    {
        var reader = FromPrincipal(user);
        return reader.IsSignedIn
            ? TierResolution.Resolve(reader, EntitlementSnapshot.FromPrincipal(user!), tiers.Get(), clock.GetUtcNow(), entitlements.Value.LastKnownGrace)
            : reader;
    }

    /// <summary>The reader as the session says, before tier resolution (Tier is null).</summary>

    public static Reader FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Reader.Anonymous;
        }

        var plans = user.FindAll(OidcClaimTypes.Plan).Select(c => c.Value).Where(v => v.Length > 0).Distinct().ToArray();
        return new Reader(
            IsSignedIn: true,
            Provider: user.FindFirstValue(OidcClaimTypes.Provider),
            Issuer: user.FindFirstValue(OidcClaimTypes.Issuer),
            Subject: user.FindFirstValue(OidcClaimTypes.Subject),
            Name: user.FindFirstValue(OidcClaimTypes.Name),
            Email: user.FindFirstValue(OidcClaimTypes.Email),
            PlanKeys: plans,
            Tier: null);
    }
}
