using System.Net;
using System.Text;
using System.Text.Json;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>A provider token endpoint whose answers the test scripts, recording what the portal sent.</summary>
public sealed class StubTokenEndpoint : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, object Body)> _answers = new();
    private readonly List<(string? Authorization, Dictionary<string, string> Form)> _requests = [];

    public IReadOnlyList<(string? Authorization, Dictionary<string, string> Form)> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    private TaskCompletionSource? _reached;
    private Task _hold = Task.CompletedTask;

    /// <summary>
    /// The next call waits for <paramref name="release"/> before answering; the returned task completes when that call
    /// has arrived, so a test can act while a request is inside the provider round trip.
    /// </summary>
    public Task HoldNextCall(Task release)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = release;
        return _reached.Task;
    }

    public StubTokenEndpoint Answer(HttpStatusCode status, object body)
    {
        _answers.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = (await request.Content!.ReadAsStringAsync(cancellationToken))
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
        (HttpStatusCode Status, object Body) answer;
        lock (_requests)
        {
            _requests.Add((request.Headers.Authorization?.ToString(), form));
            answer = _answers.Count > 0 ? _answers.Dequeue() : (HttpStatusCode.InternalServerError, new { error = "unexpected call" });
        }

        if (Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.SetResult();
            await _hold.WaitAsync(cancellationToken);
        }

        return new HttpResponseMessage(answer.Status)
        {
            Content = new StringContent(JsonSerializer.Serialize(answer.Body), Encoding.UTF8, "application/json"),
        };
    }
}
