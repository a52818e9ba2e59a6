using Microsoft.Extensions.Caching.Distributed;

namespace PublisherPortal.Oidc;

/// <summary>
/// Makes each state single-use across every server instance. The correlation cookie is deleted after the
/// first callback, but a copied cookie could be replayed; the distributed cache (memory by default, Redis
/// when the app registers it) remembers each journey's nonce until its state could no longer be accepted.
/// </summary>
internal sealed class OidcStateReplayGuard(IDistributedCache cache)
{
    /// <returns>False when this journey was already completed or attempted.</returns>
    public async Task<bool> TryConsumeAsync(string providerKey, string journeyId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = $"PublisherPortal.Oidc.state:{providerKey}:{journeyId}";
        if (await cache.GetAsync(key, cancellationToken) is not null)
        {
            return false;
        }
        await cache.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken);
        return true;
    }
}
