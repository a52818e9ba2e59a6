namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// Sends to a test server that does not exist yet when services are configured (the site calling its own
/// stand-in providers): the server's handler is created on first use.
/// </summary>
public sealed class LateServerHandler(Func<HttpMessageHandler> create) : HttpMessageHandler
{
    private readonly Lazy<HttpMessageInvoker> _invoker = new(() => new HttpMessageInvoker(create()));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.Value.SendAsync(request, cancellationToken);
}
