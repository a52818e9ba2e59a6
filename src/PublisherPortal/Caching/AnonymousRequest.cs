using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PublisherPortal.Caching;

/// <summary>
/// Decides, before authentication runs, that a request is anonymous: it carries no session cookie (nor a chunk of
/// one) and no Authorization header. Anything else may belong to a signed-in reader, whose page shows their name,
/// carries an antiforgery token and may hold text only they may read: it is never looked up in the shared cache and
/// never stored there. Errs towards "signed in": a cookie value that merely contains the name also bypasses.
/// </summary>
public sealed class AnonymousRequest(string sessionCookieName)
{
    public bool Is(HttpRequest request)
    {
        var headers = request.Headers;
        if (headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        var cookies = headers.Cookie;
        if (StringValues.IsNullOrEmpty(cookies))
        {
            return true;
        }

        foreach (var cookie in cookies)
        {
            if (cookie is not null && cookie.Contains(sessionCookieName, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
