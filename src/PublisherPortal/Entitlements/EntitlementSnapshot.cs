using System.Globalization;
using System.Security.Claims;
using PublisherPortal.Oidc;

namespace PublisherPortal.Entitlements;

/// <summary>
/// The reader's plan keys as last read at their provider, with when, from where, and what bounds them. Lives in the
/// session as claims (<see cref="EntitlementClaimTypes"/>); the tier is derived from it per request.
/// </summary>
public sealed record EntitlementSnapshot(
    IReadOnlyList<string> PlanKeys,
    IReadOnlyDictionary<string, DateTimeOffset> ExpiresAt,
    bool Lapsed,
    DateTimeOffset ReadAt,
    string Source,
    int? TierCap)
{
    private static readonly string[] SnapshotClaimTypes =
    [
        OidcClaimTypes.Plan, EntitlementClaimTypes.PlansReadAt, EntitlementClaimTypes.PlansSource,
        EntitlementClaimTypes.PlanExpires, EntitlementClaimTypes.PlansLapsed, EntitlementClaimTypes.TierCap,
    ];

    public static EntitlementSnapshot Empty(string source, DateTimeOffset at) =>
        new([], new Dictionary<string, DateTimeOffset>(), false, at, source, null);

    /// <summary>Reads the snapshot from a session principal. A session from before snapshots existed counts as claims read at sign-in.</summary>
    public static EntitlementSnapshot FromPrincipal(ClaimsPrincipal user)
    {
        var keys = user.FindAll(OidcClaimTypes.Plan).Select(c => c.Value).Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal).ToArray();
        var expires = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(EntitlementClaimTypes.PlanExpires))
        {
            var space = claim.Value.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && TryParseTime(claim.Value[..space], out var at))
            {
                expires[claim.Value[(space + 1)..]] = at;
            }
        }

        var readAt = TryParseTime(user.FindFirst(EntitlementClaimTypes.PlansReadAt)?.Value, out var read) ? read : DateTimeOffset.MinValue;
        var cap = int.TryParse(user.FindFirst(EntitlementClaimTypes.TierCap)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c)
            ? c : (int?)null;
        return new EntitlementSnapshot(
            keys, expires, user.HasClaim(c => c.Type == EntitlementClaimTypes.PlansLapsed), readAt,
            user.FindFirst(EntitlementClaimTypes.PlansSource)?.Value ?? PlanSources.Claims, cap);
    }

    /// <summary>Replaces whatever snapshot the identity carried (including the provider's raw plan claims) with this one.</summary>
    public void WriteTo(ClaimsIdentity identity)
    {
        foreach (var claim in identity.Claims.Where(c => SnapshotClaimTypes.Contains(c.Type)).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var key in PlanKeys)
        {
            identity.AddClaim(new Claim(OidcClaimTypes.Plan, key));
        }

        foreach (var (key, at) in ExpiresAt)
        {
            identity.AddClaim(new Claim(EntitlementClaimTypes.PlanExpires, $"{Format(at)} {key}"));
        }

        identity.AddClaim(new Claim(EntitlementClaimTypes.PlansReadAt, Format(ReadAt)));
        identity.AddClaim(new Claim(EntitlementClaimTypes.PlansSource, Source));
        if (Lapsed)
        {
            identity.AddClaim(new Claim(EntitlementClaimTypes.PlansLapsed, "true"));
        }

        if (TierCap is { } cap)
        {
            identity.AddClaim(new Claim(EntitlementClaimTypes.TierCap, cap.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static bool TryParseTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
