using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>The configured providers, each with the behaviour of its type. Empty when no provider is configured.</summary>
public sealed class SubscriptionProviders
{
    private readonly OidcProviderCatalog _catalog;
    private readonly Dictionary<OidcProviderType, ISubscriptionProvider> _byType;

    public SubscriptionProviders(OidcProviderCatalog catalog, IEnumerable<ISubscriptionProvider> behaviours)
    {
        _catalog = catalog;
        _byType = behaviours.SelectMany(b => b.Types.Select(t => (Type: t, Behaviour: b))).ToDictionary(x => x.Type, x => x.Behaviour);
        var missing = Enum.GetValues<OidcProviderType>().Where(t => !_byType.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No subscription provider behaviour serves provider type(s) {string.Join(", ", missing)}.");
        }
    }

    /// <summary>The provider with this key, or null when none is configured under it.</summary>
    public ConfiguredProvider? Find(string? key) =>
        _catalog.TryGet(key, out var info) ? new ConfiguredProvider(info, _byType[info.Type]) : null;
}
