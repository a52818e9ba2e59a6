using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc;

/// <summary>The providers configured in this app, in settings order (for the login chooser and for
/// checking that a <c>provider</c> query value names a real scheme).</summary>
public sealed class OidcProviderCatalog
{
    private readonly IReadOnlyList<string> _keys;
    private readonly IOptionsMonitor<OidcProviderOptions> _options;

    internal OidcProviderCatalog(IEnumerable<OidcProviderRegistration> registrations, IOptionsMonitor<OidcProviderOptions> options)
    {
        _keys = registrations.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        _options = options;
    }

    public IReadOnlyList<OidcProviderInfo> Providers => _keys.Select(Describe).ToList();

    public bool TryGet(string? key, out OidcProviderInfo provider)
    {
        // Ordinal: scheme names are case-sensitive, and the key ends up in URLs.
        if (key is not null && _keys.Contains(key, StringComparer.Ordinal))
        {
            provider = Describe(key);
            return true;
        }
        provider = null!;
        return false;
    }

    private OidcProviderInfo Describe(string key)
    {
        var options = _options.Get(key);
        return new OidcProviderInfo(key, options.DisplayName ?? key, options.Type);
    }
}
