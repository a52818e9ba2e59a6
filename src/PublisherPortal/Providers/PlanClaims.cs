using System.Security.Claims;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>Plans carried as claims (Pliro <c>plan</c>/<c>plan_slugs</c>, a configured claim for PiPA and generic providers).</summary>
public static class PlanClaims
{
    public static PlanRead Read(ClaimsIdentity identity) => new(
        identity.FindAll(OidcClaimTypes.Plan).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(ProviderPlan.FromClaim).ToList(),
        PlanSources.Claims);
}
