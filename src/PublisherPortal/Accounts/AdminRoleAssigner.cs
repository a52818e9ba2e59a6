using System.Security.Claims;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;

namespace PublisherPortal.Accounts;

/// <summary>
/// Makes a reader Admin at sign-in when <c>Portal:Admins</c> names them, by <c>issuer|subject</c> (exact) or by a
/// verified-looking e-mail. Until the editorial issue adds role management, this is the only way in.
/// </summary>
public sealed class AdminRoleAssigner(IOptionsMonitor<PortalOptions> portal)
{
    public const string AdminRole = "Admin";

    public void Apply(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity identity || !IsAdmin(principal))
        {
            return;
        }

        identity.AddClaim(new Claim(OidcClaimTypes.Role, AdminRole));
    }

    private bool IsAdmin(ClaimsPrincipal principal)
    {
        var admins = portal.CurrentValue.Admins;
        if (admins.Count == 0)
        {
            return false;
        }

        var key = $"{principal.FindFirstValue(OidcClaimTypes.Issuer)}|{principal.FindFirstValue(OidcClaimTypes.Subject)}";
        var email = principal.FindFirstValue(OidcClaimTypes.Email);
        return admins.Any(a => string.Equals(a, key, StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(email) && !a.Contains('|') && string.Equals(a, email, StringComparison.OrdinalIgnoreCase)));
    }
}
