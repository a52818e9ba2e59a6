using System.Security.Claims;

namespace PublisherPortal.Staff;

/// <summary>
/// How a request's principal says its staff role: one claim, on an identity of its own, added per request from the
/// database (<see cref="StaffRoleClaims"/>) and never stored in a session. Its own claim type, not the generic
/// <c>role</c>: a role claim a session ticket carried from before roles lived in the database opens nothing.
/// </summary>
public static class StaffClaims
{
    public const string RoleClaim = "portal:staff_role";
    public const string IdentityType = "portal.staff";

    /// <summary>The role the principal carries, or null when it carries none (or anything but one valid role).</summary>
    public static StaffRole? RoleOf(ClaimsPrincipal? principal)
    {
        var claims = principal?.Identities.Where(i => i.AuthenticationType == IdentityType).SelectMany(i => i.FindAll(RoleClaim)).ToList() ?? [];
        return claims.Count == 1 && Enum.TryParse<StaffRole>(claims[0].Value, out var role) && Enum.IsDefined(role) ? role : null;
    }

    /// <summary>The role names at or above <paramref name="minimum"/>: what a policy that needs <paramref name="minimum"/> accepts.</summary>
    public static string[] AtLeast(StaffRole minimum) =>
        Enum.GetValues<StaffRole>().Where(r => r >= minimum).Select(r => r.ToString()).ToArray();
}
