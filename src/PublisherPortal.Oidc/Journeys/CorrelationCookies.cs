using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PublisherPortal.Oidc;

/// <summary>
/// Binds a sign-in journey to the browser that started it: one cookie per journey, scoped to the callback path, whose
/// name carries the journey's correlation id (kept inside the protected state). A small index cookie, visible on every
/// path, lists the journeys still pending so that starting a new one can drop the oldest beyond
/// <see cref="MaxPendingJourneys"/>: each abandoned sign-in otherwise leaves a cookie behind until it expires, and a few
/// hundred of them make the callback request too large to be served at all (431).
/// </summary>
internal sealed partial class CorrelationCookies(HttpContext context, OidcProviderOptions options, string scheme, TimeProvider time)
{
    /// <summary>Sign-ins one browser may have in flight at one provider (several tabs); older ones stop working.</summary>
    public const int MaxPendingJourneys = 5;

    private const string JourneyMarker = "N";

    private string IndexName => (options.PrefixedCookieNames ? "__Host-" : "") + ".PublisherPortal.Oidc.Journeys." + scheme;

    /// <summary>Starts a journey: returns its correlation id, to be kept in the protected state.</summary>
    public string Issue()
    {
        var id = ProtocolRandom.NewValue();
        var pending = PendingIds();
        pending.Add(id);
        foreach (var dropped in pending.Take(Math.Max(0, pending.Count - MaxPendingJourneys)).ToList())
        {
            context.Response.Cookies.Delete(JourneyName(dropped), JourneyOptions());
            pending.Remove(dropped);
        }

        context.Response.Cookies.Append(JourneyName(id), JourneyMarker, JourneyOptions());
        WriteIndex(pending);
        return id;
    }

    /// <summary>Ends the journey <paramref name="id"/>; true when this browser started it and has not finished it yet.</summary>
    public bool Consume(string id)
    {
        var name = JourneyName(id);
        var present = context.Request.Cookies[name] == JourneyMarker;
        context.Response.Cookies.Delete(name, JourneyOptions());
        var pending = PendingIds();
        if (pending.Remove(id))
        {
            WriteIndex(pending);
        }

        return present;
    }

    private string JourneyName(string id) => (options.PrefixedCookieNames ? "__Secure-" : "") + options.CorrelationCookie.Name + scheme + "." + id;

    /// <summary>The index as the browser sent it, oldest first. Only well-formed ids: they become cookie names.</summary>
    private List<string> PendingIds() =>
        (context.Request.Cookies[IndexName] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Where(id => WellFormedId().IsMatch(id)).Distinct(StringComparer.Ordinal).ToList();

    private void WriteIndex(List<string> pending)
    {
        var index = new CookieOptions
        {
            // A __Host- cookie must be for the whole host: with a path base, the name drops the prefix's promise.
            Path = options.PrefixedCookieNames ? "/" : context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
            HttpOnly = true,
            Secure = options.PrefixedCookieNames || context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Expires = time.GetUtcNow() + options.RemoteAuthenticationTimeout,
        };
        if (pending.Count == 0)
        {
            context.Response.Cookies.Delete(IndexName, index);
            return;
        }

        context.Response.Cookies.Append(IndexName, string.Join('.', pending), index);
    }

    /// <summary>Secure over https; over plain http (Development) SameSite=None would be dropped by browsers
    /// without Secure, so Lax is used there.</summary>
    private CookieOptions JourneyOptions()
    {
        var cookie = options.CorrelationCookie.Build(context, time.GetUtcNow());
        cookie.Expires = time.GetUtcNow() + options.RemoteAuthenticationTimeout;
        cookie.Secure |= options.PrefixedCookieNames;
        if (!context.Request.IsHttps && cookie.SameSite == SameSiteMode.None)
        {
            cookie.SameSite = SameSiteMode.Lax;
        }

        return cookie;
    }

    /// <summary>What <see cref="ProtocolRandom.NewValue"/> produces: 32 random bytes, base64url.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex WellFormedId();
}
