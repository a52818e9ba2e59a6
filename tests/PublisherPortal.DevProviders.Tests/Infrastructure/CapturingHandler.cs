using System.Net;

namespace PublisherPortal.DevProviders.Tests.Infrastructure;

/// <summary>Stands in for the portal's back-channel logout endpoint: records each POST and answers 200.</summary>
public sealed class CapturingHandler : HttpMessageHandler
{
    public List<(Uri Uri, string? ContentType, Dictionary<string, string> Form, bool HadCookie)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
        lock (Requests)
        {
            Requests.Add((request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, form, request.Headers.Contains("Cookie")));
        }

        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
