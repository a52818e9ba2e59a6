using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace PublisherPortal.Oidc;

/// <summary>
/// Where the reader goes after the provider's sign-out. It travels in the end-session request's <c>state</c>, and is
/// also kept here in a short-lived cookie protected like the state, scoped to the sign-out callback: Pliro's documented
/// sign-out redirect does not echo <c>state</c> (docs/providers/pliro.md), and the reader should still land on the page
/// they signed out from rather than the front page.
/// </summary>
internal sealed class SignOutReturn(HttpContext context, OidcProviderOptions options, string scheme, TimeProvider time)
{
    private string CookieName => (options.PrefixedCookieNames ? "__Secure-" : "") + ".PublisherPortal.Oidc.SignOut." + scheme;

    /// <summary>Remembers <paramref name="target"/> (already checked to be local) and returns the state carrying it.</summary>
    public string Remember(string target)
    {
        var state = options.SignOutStateDataFormat.Protect(new AuthenticationProperties { RedirectUri = target });
        context.Response.Cookies.Append(CookieName, state, CookieOptions(time.GetUtcNow() + options.RemoteAuthenticationTimeout));
        return state;
    }

    /// <summary>The remembered return page: from an echoed <c>state</c> when it is ours, else from the cookie. Forgets it.</summary>
    public string? Recall(string? echoedState)
    {
        var cookie = context.Request.Cookies[CookieName];
        if (cookie is not null)
        {
            context.Response.Cookies.Delete(CookieName, CookieOptions(null));
        }

        var properties = Unprotect(echoedState) ?? Unprotect(cookie);
        return properties?.RedirectUri;
    }

    private AuthenticationProperties? Unprotect(string? value) =>
        string.IsNullOrEmpty(value) ? null : options.SignOutStateDataFormat.Unprotect(value);

    private CookieOptions CookieOptions(DateTimeOffset? expires) => new()
    {
        // The provider's redirect back is a top-level GET navigation: Lax cookies travel with it.
        Path = context.Request.PathBase + options.SignedOutCallbackPath,
        HttpOnly = true,
        Secure = options.PrefixedCookieNames || context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        Expires = expires,
    };
}
