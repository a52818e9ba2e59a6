using System.Collections.Concurrent;

namespace PublisherPortal.Oidc;

/// <summary>
/// The default <see cref="IOidcReplayStore"/>: atomic within one process only. A site with several instances registers
/// a shared store (the web app's is database-backed); registration uses TryAdd so the app's wins.
/// </summary>
internal sealed class InMemoryOidcReplayStore(TimeProvider time) : IOidcReplayStore
{
    /// <summary>Callers namespace their keys (<c>state:{provider}:{journey}</c>); longer keys are a caller's bug.</summary>
    public const int MaxKeyLength = 200;

    private const int PurgeEvery = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _remembered = new(StringComparer.Ordinal);
    private long _calls;

    public Task<bool> TryConsumeAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % PurgeEvery == 0)
        {
            Purge(now);
        }

        while (true)
        {
            // TryAdd and TryUpdate are each atomic: of any number of concurrent callers exactly one wins.
            if (_remembered.TryAdd(key, expiresAt))
            {
                return Task.FromResult(true);
            }

            if (!_remembered.TryGetValue(key, out var remembered))
            {
                continue; // purged between the two calls: try to add again
            }

            if (remembered > now)
            {
                return Task.FromResult(false);
            }

            // Expired: the value may be used again, but only by one of the callers racing for it.
            if (_remembered.TryUpdate(key, expiresAt, remembered))
            {
                return Task.FromResult(true);
            }
        }
    }

    /// <summary>The number of values remembered (expired ones included until the next purge).</summary>
    internal int Count => _remembered.Count;

    private void Purge(DateTimeOffset now)
    {
        foreach (var (key, expiresAt) in _remembered)
        {
            if (expiresAt <= now)
            {
                // Removes only the entry as read: a concurrent re-use that renewed it is kept.
                _remembered.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiresAt));
            }
        }
    }
}
