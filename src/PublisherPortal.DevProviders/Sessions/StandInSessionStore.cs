using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using PublisherPortal.DevProviders.Protocol;

namespace PublisherPortal.DevProviders.Sessions;

/// <summary>
/// The stand-ins' signed-in sessions, in memory, found through a cookie scoped to <c>/dev/{provider}</c>
/// so each stand-in keeps its own session, like separate provider domains would.
/// </summary>
internal sealed class StandInSessionStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, StandInSession> _sessions = new(StringComparer.Ordinal);

    public static string CookieName(string provider) => "devprovider." + provider;

    public StandInSession? Current(HttpContext context, string provider)
    {
        var key = context.Request.Cookies[CookieName(provider)];
        return key is not null && _sessions.TryGetValue(key, out var session) && session.Provider == provider ? session : null;
    }

    /// <summary>Signs <paramref name="readerId"/> in, replacing any session this browser had at the stand-in.</summary>
    public StandInSession SignIn(HttpContext context, string provider, string readerId)
    {
        // One cookie header per response: drop the old session server-side, then overwrite the cookie.
        Forget(Current(context, provider));
        var session = new StandInSession(RandomValues.Token(), provider, RandomValues.Token(16), readerId, time.GetUtcNow());
        _sessions[session.CookieKey] = session;
        context.Response.Cookies.Append(CookieName(provider), session.CookieKey, new CookieOptions
        {
            Path = "/dev/" + provider,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
        return session;
    }

    /// <summary>Ends this browser's session at the stand-in; returns it so the caller can notify clients.</summary>
    public StandInSession? End(HttpContext context, string provider)
    {
        var session = Current(context, provider);
        context.Response.Cookies.Delete(CookieName(provider), new CookieOptions { Path = "/dev/" + provider });
        return Forget(session);
    }

    private StandInSession? Forget(StandInSession? session) =>
        session is not null && _sessions.TryRemove(session.CookieKey, out var removed) ? removed : null;
}
