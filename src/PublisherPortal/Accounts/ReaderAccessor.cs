using System.Security.Claims;
using Microsoft.Extensions.Options;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Accounts;

/// <summary>
/// Turns the request's signed-in principal into a <see cref="Reader"/>. The tier is resolved per request from the
/// session's plan snapshot and the current plan mappings, so an admin's mapping change applies on the reader's next
/// page load. Follows the request's principal: a session ended mid-request leaves an anonymous reader.
/// </summary>
public sealed class ReaderAccessor(
    IHttpContextAccessor httpContextAccessor, TierCatalog tiers, TimeProvider clock, IOptions<EntitlementOptions> entitlements)
{
    private ClaimsPrincipal? _principal;
    private Reader _reader = Reader.Anonymous;
    private Reader? _fixed;

    public Reader Current
    {
        get
        {
            if (_fixed is not null)
            {
                return _fixed;
            }

            var user = httpContextAccessor.HttpContext?.User;
            if (!ReferenceEquals(user, _principal))
            {
                _principal = user;
                _reader = Resolve(user);
            }

            return _reader;
        }
    }

    /// <summary>
    /// An accessor that answers <paramref name="reader"/> whoever is asking: for rendering a reader page outside a
    /// request, as the newsroom's preview as a reader does. Never registered, so no request can get one.
    /// </summary>
    public ReaderAccessor For(Reader reader) => new(httpContextAccessor, tiers, clock, entitlements) { _fixed = reader };

    /// <summary>The reader a session principal stands for, tier resolved now: the same for a request and for the admin's explainer.</summary>
    public Reader Resolve(ClaimsPrincipal? user)
    {
        var reader = FromPrincipal(user);
        if (!reader.IsSignedIn)
        {
            return reader;
        }

        var entitlement = TierResolution.Resolve(
            reader.Provider, EntitlementSnapshot.FromPrincipal(user!), tiers.Get(), clock.GetUtcNow(), entitlements.Value.LastKnownGrace);
        return reader with { PlanKeys = entitlement.PlanKeys, Tier = entitlement.Tier, PlanLapsed = entitlement.PlanLapsed };
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
