using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PublisherPortal.Oidc;

/// <summary>
/// The one way this library calls a provider's endpoint from the server (token, userinfo): send, read the body, and
/// turn "could not be reached or timed out" into a null answer the caller explains in its own terms. A reader's own
/// cancellation (closing the tab) still cancels.
/// </summary>
internal static class Backchannel
{
    public static async Task<BackchannelAnswer?> SendAsync(
        OidcProviderOptions options, HttpRequestMessage request, string endpoint, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new BackchannelAnswer(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType,
                response.Headers.WwwAuthenticate.ToString());
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.EndpointUnreachable(options.Key, endpoint, e);
            return null;
        }
    }
}

/// <summary>A provider endpoint's answer, read whole (the back-channel client caps its size).</summary>
internal sealed record BackchannelAnswer(HttpStatusCode Status, string Body, string? MediaType, string WwwAuthenticate)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    /// <summary>The body as a JSON object, or null when it is anything else.</summary>
    public JsonElement? JsonObject()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
