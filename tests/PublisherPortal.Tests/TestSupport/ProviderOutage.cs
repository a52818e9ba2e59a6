using System.Collections.Concurrent;
using System.Net;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// Between the relying party and the stand-ins: answers 503 for the provider endpoints a test takes down, as a
/// provider having an outage would; everything else passes through.
/// </summary>
public sealed class ProviderOutage(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.Ordinal);

    /// <summary>Requests whose path ends with <paramref name="pathSuffix"/> (e.g. <c>/oauth/userinfo</c>) now fail.</summary>
    public void TakeDown(string pathSuffix) => _down[pathSuffix] = true;

    public void Restore() => _down.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _down.Keys.Any(suffix => request.RequestUri!.AbsolutePath.EndsWith(suffix, StringComparison.Ordinal))
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            : base.SendAsync(request, cancellationToken);
}
