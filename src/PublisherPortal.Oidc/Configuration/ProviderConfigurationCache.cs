using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// Caches one provider's configuration (discovery + JWKS, or settings + keys) and fetches it one caller at
/// a time. Unlike <see cref="ConfigurationManager{T}"/> in IdentityModel 8.x, whose refreshes run on a
/// background task and so return the stale keys to the very request that asked for a refresh, a forced
/// refresh here completes before the caller continues: the ID token that named a new <c>kid</c> is
/// validated with the new keys. Forced refreshes are throttled; the first one is always allowed.
/// </summary>
internal sealed class ProviderConfigurationCache(
    string address,
    IConfigurationRetriever<OpenIdConnectConfiguration> retriever,
    IDocumentRetriever documents,
    TimeProvider time,
    TimeSpan refreshInterval,
    TimeSpan forcedRefreshMinimumInterval)
{
    /// <summary>After a failed first fetch, callers within this window get the same failure instead of a new request.</summary>
    private static readonly TimeSpan FailureMemory = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _refreshAfter;
    private DateTimeOffset? _lastForcedRefresh;
    private Exception? _lastFailure;
    private DateTimeOffset _lastFailureAt;

    public string Address => address;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() < _refreshAfter)
        {
            return current;
        }
        return await FetchAsync(force: false, cancellationToken);
    }

    public async Task<OpenIdConnectConfiguration> ForceRefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is not null && _lastForcedRefresh is { } last && now - last < forcedRefreshMinimumInterval)
        {
            return _current;
        }
        return await FetchAsync(force: true, cancellationToken);
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        var requestedAt = time.GetUtcNow();
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            // Someone else fetched while we waited: use theirs.
            if (_current is not null && (force ? _lastForcedRefresh >= requestedAt || _refreshAfter - refreshInterval >= requestedAt : now < _refreshAfter))
            {
                return _current;
            }
            if (_current is null && _lastFailure is not null && now - _lastFailureAt < FailureMemory)
            {
                throw _lastFailure;
            }
            if (force)
            {
                _lastForcedRefresh = now;
            }

            try
            {
                // The shared fetch must not be cut short by one reader closing the tab.
                _current = await retriever.GetConfigurationAsync(address, documents, CancellationToken.None);
                _refreshAfter = time.GetUtcNow() + refreshInterval;
                _lastFailure = null;
                return _current;
            }
            catch (Exception e)
            {
                if (_current is not null)
                {
                    // Stale configuration beats none; try again after the forced-refresh interval.
                    _refreshAfter = now + forcedRefreshMinimumInterval;
                    return _current;
                }
                _lastFailure = e;
                _lastFailureAt = now;
                throw;
            }
        }
        finally
        {
            _fetch.Release();
        }
    }
}
