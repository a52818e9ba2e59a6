using Microsoft.Extensions.Options;
using PublisherPortal.Oidc;

namespace PublisherPortal.Infrastructure;

/// <summary>
/// Where the site's forms may lead (CSP <c>form-action</c>): this site, and the origins of the configured providers.
/// Signing out posts here and is then redirected to the provider's end-session page, and browsers apply
/// <c>form-action</c> to that redirect too; any other destination is refused.
/// </summary>
public sealed class FormActionSources(OidcProviderCatalog catalog, IOptionsMonitor<OidcProviderOptions> providers)
{
    private string? _value;

    public string Value => _value ??= string.Join(' ', new[] { "'self'" }.Concat(ProviderOrigins()));

    private IEnumerable<string> ProviderOrigins() => catalog.Providers
        .Select(p => providers.Get(p.Key))
        .SelectMany(o => new[] { o.Issuer, o.MetadataAddress, o.AuthorizationEndpoint, o.EndSessionEndpoint })
        .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null)
        .OfType<string>()
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.Ordinal);
}
