using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using PublisherPortal.Oidc;

namespace PublisherPortal.Staff;

/// <summary>
/// Gives a signed-in request its staff role from <see cref="StaffDirectory"/>, per request: a role granted or revoked
/// applies to the next page load, without the session being touched. Anything claiming a staff role that this did not
/// add is removed first.
/// </summary>
public sealed class StaffRoleClaims(StaffDirectory directory) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return principal;
        }

        var identities = principal.Identities.Where(i => i.AuthenticationType != StaffClaims.IdentityType).Select(Clean).ToList();
        var role = await directory.RoleOfAsync(principal.FindFirstValue(OidcClaimTypes.Issuer), principal.FindFirstValue(OidcClaimTypes.Subject), CancellationToken.None);
        if (role is { } staffRole)
        {
            identities.Add(new ClaimsIdentity([new Claim(StaffClaims.RoleClaim, staffRole.ToString())], StaffClaims.IdentityType, OidcClaimTypes.Name, StaffClaims.RoleClaim));
        }

        return new ClaimsPrincipal(identities);
    }

    private static ClaimsIdentity Clean(ClaimsIdentity identity)
    {
        if (!identity.HasClaim(c => c.Type == StaffClaims.RoleClaim))
        {
            return identity;
        }

        var copy = identity.Clone();
        foreach (var claim in copy.FindAll(StaffClaims.RoleClaim).ToList())
        {
            copy.RemoveClaim(claim);
        }

        return copy;
    }
}
