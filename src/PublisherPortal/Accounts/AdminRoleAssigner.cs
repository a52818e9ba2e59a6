using System.Security.Claims;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;

namespace PublisherPortal.Accounts;

/// <summary>
/// Makes a reader Admin at sign-in when <c>Portal:Admins</c> names them: by <c>issuer|subject</c> (exact), or by an
/// e-mail address only when their provider asserted it verified. An unverified address proves nothing: anyone can
/// type any address into an account at some provider.
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
        var verifiedEmail = principal.FindFirstValue(OidcClaimTypes.EmailVerified) == "true" ? principal.FindFirstValue(OidcClaimTypes.Email) : null;
        return admins.Any(a => string.Equals(a, key, StringComparison.Ordinal)
            || (verifiedEmail is { Length: > 0 } && !a.Contains('|') && string.Equals(a, verifiedEmail, StringComparison.OrdinalIgnoreCase)));
    }
}
