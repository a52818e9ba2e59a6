using PublisherPortal.Articles;

namespace PublisherPortal.Paywall;

/// <summary>The part of an article the access decision needs: never its text.</summary>
public readonly record struct AccessRule(AccessLevel Level, int? MinimumTierRank, string? MinimumTierName)
{
    public static AccessRule Public { get; } = new(AccessLevel.Public, null, null);
}
