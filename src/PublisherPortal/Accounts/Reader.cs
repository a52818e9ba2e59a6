using PublisherPortal.Entitlements;

namespace PublisherPortal.Accounts;

/// <summary>
/// Who is reading, as far as access is concerned. Built once per request from the signed-in session; anonymous when
/// nobody is signed in. A reader is identified by (issuer, subject), never by e-mail alone.
/// </summary>
public sealed record Reader(
    bool IsSignedIn,
    string? Provider,
    string? Issuer,
    string? Subject,
    string? Name,
    string? Email,
    IReadOnlyList<string> PlanKeys,
    ReaderTier? Tier)
{
    /// <summary>The reader had a subscription that has ended, and nothing current opens a tier: the paywall says "expired".</summary>
    public bool PlanLapsed { get; init; }

    public static Reader Anonymous { get; } = new(false, null, null, null, null, null, [], null);
}
