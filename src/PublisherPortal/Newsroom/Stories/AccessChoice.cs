using System.Globalization;
using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>The access picker's options as one value each: <c>public</c>, <c>registered</c>, or <c>tier:{id}</c>.</summary>
public static class AccessChoice
{
    public const string Public = "public";
    public const string Registered = "registered";

    public static string Of(AccessLevel level, int? tierId) => level switch
    {
        AccessLevel.Public => Public,
        AccessLevel.Registered => Registered,
        _ => "tier:" + tierId?.ToString(CultureInfo.InvariantCulture),
    };

    public static (AccessLevel Level, int? TierId) Parse(string? choice) => choice switch
    {
        Registered => (AccessLevel.Registered, null),
        { } tier when tier.StartsWith("tier:", StringComparison.Ordinal) && int.TryParse(tier.AsSpan(5), CultureInfo.InvariantCulture, out var id) => (AccessLevel.Tier, id),
        _ => (AccessLevel.Public, null),
    };

    public static IEnumerable<(string Value, string Label)> Options(IEnumerable<AccessTier> tiers) =>
        new[] { (Public, "Public"), (Registered, "Free with sign-in") }.Concat(tiers.Select(t => (Of(AccessLevel.Tier, t.Id), $"{t.Name} subscribers")));

    public static string Label(AccessLevel level, string? tierName) => level switch
    {
        AccessLevel.Public => "Public",
        AccessLevel.Registered => "Free with sign-in",
        _ => tierName ?? "Subscribers",
    };
}
