using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PublisherPortal.Caching;

/// <summary>An anonymous page as it is stored and replayed: status 200, the app's own headers, the body and its ETag.</summary>
public sealed class CachedPage
{
    /// <summary>
    /// Browsers and CDNs may store an anonymous page but must ask again before every use: a story can be gated or
    /// unpublished at any moment, and only this site's memory is evicted when that happens. The ETag makes asking
    /// cheap (304). Vary: Cookie keeps a cache that ignores that from handing the page to a reader with a session.
    /// </summary>
    public const string CacheControl = "no-cache";

    public const string Vary = "Cookie";

    // Set per reply by the server, HSTS, the security headers middleware or the cache itself; never stored.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.Date, HeaderNames.Server, HeaderNames.TransferEncoding,
        HeaderNames.CacheControl, HeaderNames.Vary, HeaderNames.ETag, HeaderNames.Expires, HeaderNames.Pragma,
        HeaderNames.ContentSecurityPolicy, HeaderNames.XFrameOptions, HeaderNames.XContentTypeOptions, "Referrer-Policy",
        HeaderNames.StrictTransportSecurity, // sent on https only: a page first rendered over https must not carry it over http
    };

    private CachedPage(byte[] body, KeyValuePair<string, StringValues>[] headers, string etag)
    {
        Body = body;
        Headers = headers;
        ETag = etag;
    }

    public byte[] Body { get; }

    public KeyValuePair<string, StringValues>[] Headers { get; }

    public string ETag { get; }

    public long Size => Body.Length + 512;

    public static CachedPage From(HttpResponse response, byte[] body) => new(
        body,
        response.Headers.Where(h => !NotReplayed.Contains(h.Key)).ToArray(),
        "\"" + Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 12)) + "\"");

    /// <summary>The headers that make a cached page's caching explicit, on the stored reply and every replay.</summary>
    public void ApplyCachingHeaders(IHeaderDictionary headers)
    {
        headers.CacheControl = CacheControl;
        headers.Vary = Vary;
        headers.ETag = ETag;
    }

    public bool MatchesIfNoneMatch(HttpRequest request)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            if (value is not null && (value.Trim() == "*" || value.Split(',').Any(tag => tag.Trim() == ETag || tag.Trim() == "W/" + ETag)))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="withBody">False for HEAD answered before the HEAD middleware: the headers (and length) only.</param>
    public Task WriteAsync(HttpContext context, bool withBody = true)
    {
        var response = context.Response;
        var headers = response.Headers;
        ApplyCachingHeaders(headers);
        if (MatchesIfNoneMatch(context.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        headers.ContentLength = Body.Length;
        return withBody ? response.Body.WriteAsync(Body, context.RequestAborted).AsTask() : Task.CompletedTask;
    }
}
