using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Caching;

/// <summary>
/// The first thing a request meets (after the error handler): an anonymous GET or HEAD without a query string whose
/// page is already in memory is answered here, before HEAD handling, status pages, security headers and routing, none
/// of which has anything to add to it (the security headers are written here). Everything else goes on to
/// <see cref="AnonymousPageCache"/>, which knows the page after routing and keeps what it renders (docs/caching.md).
/// </summary>
public sealed class AnonymousPageFrontDoor(
    RequestDelegate next,
    ContentMemory memory,
    TimeProvider clock,
    AnonymousRequest anonymous,
    ContentSecurityPolicy policy,
    IOptions<CachingOptions> options)
{
    private readonly bool _enabled = options.Value.AnonymousPages;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if (!_enabled || request.QueryString.HasValue || !(head || HttpMethods.IsGet(request.Method)) || !anonymous.Is(request)
            || !memory.TryGet(AnonymousPageCache.Key(request), clock.GetUtcNow(), out var hit))
        {
            return next(context);
        }

        SecurityHeaders.Apply(context, policy);
        return ((CachedPage)hit.Value).WriteAsync(context, withBody: !head);
    }
}
