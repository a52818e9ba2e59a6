using System.Collections.Concurrent;

namespace PublisherPortal.DevProviders.Sessions;

/// <summary>
/// A reader signed in at a stand-in (the provider's own session, not the portal's).
/// <see cref="CookieKey"/> is the secret in the browser cookie; <see cref="Sid"/> is the public
/// session id put in tokens (Pliro's <c>sid</c>), kept apart so an ID token cannot be replayed as the cookie.
/// </summary>
internal sealed class StandInSession(string cookieKey, string provider, string sid, string readerId, DateTimeOffset authTime)
{
    public string CookieKey { get; } = cookieKey;
    public string Provider { get; } = provider;
    public string Sid { get; } = sid;
    public string ReaderId { get; } = readerId;

    /// <summary>When the reader really signed in: the ID token's <c>auth_time</c> (PixelPin's prompt=login check relies on it).</summary>
    public DateTimeOffset AuthTime { get; } = authTime;

    /// <summary>Clients that received a code in this session: they get a back-channel logout when it ends.</summary>
    public ConcurrentDictionary<string, bool> ClientIds { get; } = new(StringComparer.Ordinal);
}
