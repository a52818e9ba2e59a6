namespace PublisherPortal.Entitlements;

/// <summary>
/// The admin's tiers and plan mappings at one moment, immutable, for per-request tier resolution without a query.
/// Plan keys match case-insensitively: admins type them by hand, providers are not consistent about case.
/// </summary>
public sealed class TierMap
{
    private readonly Dictionary<(string Provider, string Plan), ReaderTier> _mappings;
    private readonly List<(string Provider, string Offer, ReaderTier Tier)> _offers;

    /// <param name="offers">The offers admins set on mappings (<see cref="PlanMapping.Offer"/>), with the tier each one's plan opens.</param>
    public TierMap(
        IReadOnlyList<ReaderTier> tiers, IEnumerable<(string Provider, string Plan, ReaderTier Tier)> mappings,
        IEnumerable<(string Provider, string Offer, ReaderTier Tier)>? offers = null)
    {
        Tiers = tiers;
        _mappings = new Dictionary<(string, string), ReaderTier>(KeyComparer.Instance);
        foreach (var (provider, plan, tier) in mappings)
        {
            _mappings[(provider, plan)] = tier;
        }

        _offers = offers?.ToList() ?? [];
    }

    public static TierMap Empty { get; } = new([], []);

    /// <summary>Every tier, lowest rank first.</summary>
    public IReadOnlyList<ReaderTier> Tiers { get; }

    public ReaderTier? TierOf(string? provider, string planKey) =>
        provider is not null && _mappings.TryGetValue((provider, planKey), out var tier) ? tier : null;

    /// <summary>The best tier any of the keys maps to, never above <paramref name="maxRank"/> when given.</summary>
    public ReaderTier? BestTier(string? provider, IEnumerable<string> planKeys, int? maxRank = null) =>
        planKeys.Select(k => TierOf(provider, k))
            .Where(t => t is not null && (maxRank is null || t.Rank <= maxRank))
            .MaxBy(t => t!.Rank);

    /// <summary>
    /// The plan key at this provider that opens <paramref name="minimumRank"/> most cheaply (the lowest sufficient
    /// tier), e.g. the Pliro offer or Subrite package to link a subscribe button to.
    /// </summary>
    public string? CheapestPlanFor(string provider, int minimumRank) =>
        _mappings.Where(m => string.Equals(m.Key.Provider, provider, StringComparison.OrdinalIgnoreCase) && m.Value.Rank >= minimumRank)
            .OrderBy(m => m.Value.Rank).ThenBy(m => m.Key.Plan, StringComparer.Ordinal)
            .Select(m => m.Key.Plan).FirstOrDefault();

    /// <summary>
    /// The offer to sell at this provider for a story needing <paramref name="minimumRank"/>: among the mappings an admin
    /// gave an offer, the one opening the lowest sufficient tier. Null when none has one: the shop's subscribe page,
    /// which lists every offer, is then the honest link (an offer is never guessed from a plan key).
    /// </summary>
    public string? CheapestOfferFor(string provider, int minimumRank) =>
        _offers.Where(o => string.Equals(o.Provider, provider, StringComparison.OrdinalIgnoreCase) && o.Tier.Rank >= minimumRank)
            .OrderBy(o => o.Tier.Rank).ThenBy(o => o.Offer, StringComparer.Ordinal)
            .Select(o => o.Offer).FirstOrDefault();

    private sealed class KeyComparer : IEqualityComparer<(string Provider, string Plan)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Provider, string Plan) x, (string Provider, string Plan) y) =>
            string.Equals(x.Provider, y.Provider, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Plan, y.Plan, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Provider, string Plan) obj) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Provider), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Plan));
    }
}
