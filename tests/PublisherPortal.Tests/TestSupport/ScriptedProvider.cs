using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A provider's server as the relying party's back-channel sees it, answering by path as the test says: up, down
/// (an HTTP status), or slow (no answer until the caller gives up). Counts every call per path.
/// </summary>
public sealed class ScriptedProvider : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Calls(string path) => _calls.TryGetValue(path, out var count) ? count : 0;

    public ScriptedProvider Json(string path, string json)
    {
        _paths[path] = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        return this;
    }

    public ScriptedProvider Down(string path, HttpStatusCode status = HttpStatusCode.ServiceUnavailable)
    {
        _paths[path] = (_, _) => Task.FromResult(new HttpResponseMessage(status));
        return this;
    }

    public ScriptedProvider Slow(string path)
    {
        _paths[path] = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        _calls.AddOrUpdate(path, 1, (_, count) => count + 1);
        return _paths.TryGetValue(path, out var answer)
            ? answer(request, cancellationToken)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
