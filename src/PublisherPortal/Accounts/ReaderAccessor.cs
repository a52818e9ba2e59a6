using PublisherPortal.Oidc;
using System.Security.Claims;

namespace PublisherPortal.Accounts;

/// <summary>Turns the request's signed-in principal into a <see cref="Reader"/>, once per request.</summary>
public sealed class ReaderAccessor(IHttpContextAccessor httpContextAccessor)
{
    private Reader? _reader;

    public Reader Current => _reader ??= FromPrincipal(httpContextAccessor.HttpContext?.User);

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
