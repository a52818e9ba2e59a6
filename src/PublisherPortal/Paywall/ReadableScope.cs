namespace PublisherPortal.Paywall;

/// <summary>
/// What one reader may read in full, as data a query can use: public stories always, stories for signed-in readers
/// when <see cref="Registered"/>, and tier stories up to <see cref="MaxTierRank"/>. <see cref="ArticleAccessPolicy"/>
/// decides through it, so a query built from it and the decision cannot disagree.
/// </summary>
public readonly record struct ReadableScope(bool Registered, int? MaxTierRank)
{
    public static ReadableScope PublicOnly { get; } = new(false, null);

    public bool Admits(AccessRule rule) => rule.Level switch
    {
        AccessLevel.Public => true,
        AccessLevel.Registered => Registered,
        // A story whose minimum tier is missing is closed to every tier: fail closed, never open.
        AccessLevel.Tier => MaxTierRank is { } max && rule.MinimumTierRank is { } minimum && max >= minimum,
        _ => false,
    };
}
