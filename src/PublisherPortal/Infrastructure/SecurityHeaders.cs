using Microsoft.Net.Http.Headers;

namespace PublisherPortal.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// A strict policy that fits a site with no inline script: article HTML comes from Markdown with raw HTML
    /// disabled, and this is the second line of defence if that ever fails. JSON-LD is data, not script, and is
    /// allowed. A signed-in reader's page is theirs alone: never stored by a browser cache or a shared one (an endpoint
    /// marked <see cref="SameForEveryoneAttribute"/> is nobody's alone and keeps its own caching).
    /// The staff area (<see cref="StaffArea"/>) is the one exception, and only for styles: MudBlazor's theme
    /// provider writes an inline <c>&lt;style&gt;</c> and its components style attributes. Its script is ours
    /// (<c>script-src 'self'</c>), and its circuit's WebSocket is same-origin (<c>default-src 'self'</c> covers it).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<ContentSecurityPolicy>();
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, policy);
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>
    /// The headers every response carries. Also written directly by what answers before this middleware runs (the
    /// anonymous page cache's front door, docs/caching.md).
    /// </summary>
    public static void Apply(HttpContext context, ContentSecurityPolicy policy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = policy.For(context.Request.Path);
        // Any answer that sets a cookie is one person's, whatever else it is (a correlation cookie, the session
        // cookie's sliding renewal on a shared image): a shared cache must never keep it and hand it to the next
        // visitor. This runs after the cookie handler's own response callback (registered later, so run earlier).
        var sameForEveryone = context.GetEndpoint()?.Metadata.GetMetadata<SameForEveryoneAttribute>() is not null;
        if ((context.User.Identity?.IsAuthenticated == true && !sameForEveryone) || headers.ContainsKey(HeaderNames.SetCookie))
        {
            headers.CacheControl = "private, no-store";
        }
    }
}
