using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>Subrite's member API as the portal's HTTP client sees it: a JSON profile per bearer token, or a failure.</summary>
public sealed class FakeMemberApi : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpResponseMessage>> _answers = new(StringComparer.Ordinal);

    public int Calls;

    public void Profile(string accessToken, string json) =>
        _answers[accessToken] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public void Fails(string accessToken, HttpStatusCode status) => _answers[accessToken] = () => new HttpResponseMessage(status);

    /// <summary>Never answers until the caller gives up: what a hung API looks like.</summary>
    public void Hangs(string accessToken) => _answers[accessToken] = () => throw new InvalidOperationException("hang");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        var token = request.Headers.Authorization?.Parameter ?? "";
        if (!request.RequestUri!.AbsolutePath.EndsWith("/api/v1/members/profile/info-with-active-subscriptions", StringComparison.Ordinal)
            || !_answers.TryGetValue(token, out var answer))
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        try
        {
            return answer();
        }
        catch (InvalidOperationException)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw;
        }
    }

    public static string ProfileJson(string fullName, string email, params (int PackageId, string PackageName, string Status, DateTimeOffset ExpiresAt)[] subscriptions) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "1003",
            fullName,
            email,
            subscriptions = subscriptions.Select((s, i) => new
            {
                subscriptionId = i + 1,
                packageId = s.PackageId,
                packageName = s.PackageName,
                status = s.Status,
                expiresAt = s.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            }),
        });
}
