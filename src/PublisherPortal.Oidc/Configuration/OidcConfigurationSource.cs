using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// One configuration cache per provider, resolved by <see cref="ProviderConfigurationRetriever"/> (settings, discovery,
/// documented defaults). An ID token whose <c>kid</c> we do not know
/// triggers one forced re-fetch (key rotation), at most once per
/// <see cref="OidcProviderOptions.SigningKeysRefreshMinimumInterval"/>.
/// </summary>
internal sealed class OidcConfigurationSource(IOptionsMonitor<OidcProviderOptions> optionsMonitor, ILoggerFactory loggers) : IOidcConfigurationSource
{
    private readonly ConcurrentDictionary<string, ProviderConfigurationCache> _caches = new(StringComparer.Ordinal);

    public Task<OpenIdConnectConfiguration> GetAsync(string providerKey, CancellationToken cancellationToken = default) =>
        Guard(providerKey, cache => cache.GetAsync(cancellationToken));

    /// <summary>Asks for fresh keys; returns the configuration to retry with (the cached one when throttled).</summary>
    public Task<OpenIdConnectConfiguration> RefreshAsync(string providerKey, CancellationToken cancellationToken) =>
        Guard(providerKey, cache => cache.ForceRefreshAsync(cancellationToken));

    private async Task<OpenIdConnectConfiguration> Guard(string providerKey, Func<ProviderConfigurationCache, Task<OpenIdConnectConfiguration>> get)
    {
        var cache = _caches.GetOrAdd(providerKey, Create);
        try
        {
            return await get(cache);
        }
        catch (OidcConfigurationException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Describe(providerKey, cache.Address, e);
        }
    }

    private ProviderConfigurationCache Create(string providerKey)
    {
        var options = optionsMonitor.Get(providerKey);
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.Issuer))
        {
            throw new OidcConfigurationException($"Provider '{providerKey}' is not configured.");
        }
        var documents = new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata };
        var retriever = new ProviderConfigurationRetriever(options, loggers.CreateLogger<OidcConfigurationSource>());
        var address = options.Discovery != OidcDiscovery.Off && options.MetadataAddress is { } metadata ? metadata : $"the settings of {providerKey}";
        return new ProviderConfigurationCache(address, retriever, documents, options.TimeProvider ?? TimeProvider.System,
            options.ConfigurationRefreshInterval, options.SigningKeysRefreshMinimumInterval);
    }

    private static OidcConfigurationException Describe(string providerKey, string address, Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is OidcConfigurationException known)
            {
                return known;
            }
        }
        return new OidcConfigurationException($"The configuration of provider '{providerKey}' could not be loaded from {address}.", e);
    }
}
