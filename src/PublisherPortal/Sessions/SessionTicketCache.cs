using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Infrastructure.Telemetry;

namespace PublisherPortal.Sessions;

/// <summary>
/// This instance's short memory of sessions it has read, so a busy reader costs one database read per
/// <see cref="SessionOptions.CacheLifetime"/> instead of one per request. Freshness is judged on the app's clock.
/// </summary>
public sealed class SessionTicketCache(
    IMemoryCache cache, TimeProvider clock, IOptionsMonitor<SessionOptions> options, IInstanceSignals signals, PortalMetrics metrics)
    : IDisposable
{
    // A session ended anywhere is forgotten here as soon as the news arrives (it names the session by its hash).
    private readonly IDisposable _endedSessions = signals.Subscribe(SignalChannels.SessionEnded, hash => cache.Remove(Prefix + hash));

    private const string Prefix = "session:";

    public bool TryGet(string sessionId, out AuthenticationTicket? ticket)
    {
        ticket = null;
        if (cache.TryGetValue(Key(sessionId), out Entry? entry) && entry is not null
            && clock.GetUtcNow() - entry.LoadedAt < options.CurrentValue.CacheLifetime)
        {
            ticket = entry.Ticket;
            metrics.CacheLookup("sessions", hit: true);
            return true;
        }

        metrics.CacheLookup("sessions", hit: false);
        return false;
    }

    public void Set(string sessionId, AuthenticationTicket ticket)
    {
        var lifetime = options.CurrentValue.CacheLifetime;
        if (lifetime > TimeSpan.Zero)
        {
            // Evicted by memory pressure or after a while unused; freshness itself is checked in TryGet.
            cache.Set(Key(sessionId), new Entry(ticket, clock.GetUtcNow()), new MemoryCacheEntryOptions { SlidingExpiration = lifetime * 2 });
        }
    }

    public void Remove(string sessionId) => cache.Remove(Key(sessionId));

    public void Dispose() => _endedSessions.Dispose();

    // Keyed by the signal's name for the session, so the signal evicts the entry directly.
    private static string Key(string sessionId) => Prefix + SessionEndedSignal.KeyOf(sessionId);

    private sealed record Entry(AuthenticationTicket Ticket, DateTimeOffset LoadedAt);
}
