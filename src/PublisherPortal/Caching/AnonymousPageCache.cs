using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PublisherPortal.Caching;

/// <summary>
/// Serves anonymous readers' pages from memory (docs/caching.md). Runs after routing, to know the page and whether it
/// opted in (<see cref="CachedForAnonymousReadersAttribute"/>), and before authentication, so a hit costs no session,
/// plan check or database: every anonymous reader of a page gets the same bytes. A signed-in reader's request is never
/// looked up and its page never stored (<see cref="AnonymousRequest"/>, and the checks in <see cref="Storable"/>).
/// </summary>
public sealed partial class AnonymousPageCache(
    RequestDelegate next,
    ContentMemory memory,
    TimeProvider clock,
    AnonymousRequest anonymous,
    IOptions<CachingOptions> options,
    IReadOnlyCollection<string> bypassParameters,
    ILogger<AnonymousPageCache> logger)
{
    private readonly CachingOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<CachedForAnonymousReadersAttribute>();
        if (policy is null || !_options.AnonymousPages || !HttpMethods.IsGet(context.Request.Method)
            || !anonymous.Is(context.Request) || HasBypassParameter(context.Request))
        {
            await next(context);
            return;
        }

        var key = Key(context.Request, policy);
        if (memory.TryGet(key, clock.GetUtcNow(), out var hit))
        {
            await ((CachedPage)hit.Value).WriteAsync(context);
            return;
        }

        await RenderAndStoreAsync(context, key);
    }

    private async Task RenderAndStoreAsync(HttpContext context, string key)
    {
        var epoch = memory.Epoch;
        var reads = new ContentReadSet();
        var original = context.Response.Body;
        var buffer = new PageBuffer(original, _options.MaxEntryBytes);
        context.Response.Body = buffer;
        ContentReads.Current = reads;
        try
        {
            await next(context);
        }
        finally
        {
            ContentReads.Current = null;
            context.Response.Body = original;
        }

        if (buffer.Overflowed)
        {
            return;
        }

        var body = buffer.ToArray();
        if (Storable(context))
        {
            var page = CachedPage.From(context.Response, body);
            page.ApplyCachingHeaders(context.Response.Headers);
            context.Response.ContentLength = body.Length;
            if (!memory.TrySet(key, new ContentEntry(page, reads.Tags, reads.ValidUntil, page.Size), epoch))
            {
                LogNotStored(key);
            }
        }

        await buffer.CopyToInnerAsync(context.RequestAborted);
    }

    /// <summary>
    /// A page is kept only if it is a complete 200 for nobody in particular: no reader authenticated by any means, no
    /// cookie set (an antiforgery token, a session), and nothing already sent. A status page re-executed for a missing
    /// page (404) is never a 200, and runs the status page's endpoint, which is not marked cacheable.
    /// </summary>
    private static bool Storable(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status200OK
        && !context.Response.HasStarted
        && context.User.Identity?.IsAuthenticated != true
        && !context.Response.Headers.ContainsKey(HeaderNames.SetCookie);

    private bool HasBypassParameter(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
        {
            return false;
        }

        foreach (var name in bypassParameters)
        {
            if (request.Query.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Path and the page's own query parameters, nothing else: not the host (pages link through Portal:BaseUrl), not
    /// other parameters, not Accept-Encoding (pages are not compressed; add it here when they are).
    /// </summary>
    internal static string Key(HttpRequest request, CachedForAnonymousReadersAttribute policy)
    {
        if (policy.QueryParameters.Count == 0 || !request.QueryString.HasValue)
        {
            return Key(request);
        }

        var key = new StringBuilder(Key(request));
        foreach (var name in policy.QueryParameters)
        {
            if (!request.Query.TryGetValue(name, out var values))
            {
                continue;
            }

            key.Append('\n').Append(name).Append('=');
            for (var i = 0; i < values.Count; i++)
            {
                key.Append(i == 0 ? "" : "\0").Append(values[i]);
            }
        }

        return key.ToString();
    }

    /// <summary>The key of a page requested without any of its query parameters: its path (what the front door looks up).</summary>
    internal static string Key(HttpRequest request) => "page:" + request.PathBase.Value + request.Path.Value;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Page {Key} changed while it rendered: served, not stored")]
    private partial void LogNotStored(string key);
}
