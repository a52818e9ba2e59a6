namespace PublisherPortal.Infrastructure;

/// <summary>
/// HEAD answers as GET would, without the body (RFC 9110 §9.3.2). Pages and feeds are mapped for GET only, so
/// without this every HEAD was a 404 and link checkers and caches saw the site as missing.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        // Kestrel itself knows the request was HEAD and sends no body; the null stream keeps other servers honest.
        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    });
}
