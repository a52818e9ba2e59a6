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

        var plans = user.FindAll(ReaderClaimTypes.Plan).Select(c => c.Value).Where(v => v.Length > 0).Distinct().ToArray();
        return new Reader(
            IsSignedIn: true,
            Provider: user.FindFirstValue(ReaderClaimTypes.Provider),
            Issuer: user.FindFirstValue(ReaderClaimTypes.Issuer),
            Subject: user.FindFirstValue(ReaderClaimTypes.Subject),
            Name: user.FindFirstValue(ReaderClaimTypes.Name),
            Email: user.FindFirstValue(ReaderClaimTypes.Email),
            PlanKeys: plans,
            Tier: null);
    }
}
