using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Sessions;

/// <summary>
/// Reads the one field of a back-channel logout request (OIDC Back-Channel Logout 1.0 §2.5: a form-urlencoded POST
/// with <c>logout_token</c>). Anyone can post here, so the body is held to what a provider sends: UTF-8 form
/// encoding, a few small fields. Anything else is a clear 4xx, never a server error.
/// </summary>
internal static class LogoutTokenForm
{
    /// <summary>A logout token is a signed JWT of a few hundred bytes; this leaves generous room and nothing more.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(string? Token, string? Error, int Status)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "expected an application/x-www-form-urlencoded body", StatusCodes.Status400BadRequest);
        }

        var charset = contentType.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "the body must be UTF-8", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, "the body is too large for a logout token", StatusCodes.Status413PayloadTooLarge);
        }

        // Hold at most the limit, whatever the headers claim: a chunked body announces no length.
        var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(new LimitedWriteStream(buffer, MaxBodyBytes), cancellationToken);
        }
        catch (LimitedWriteStream.LimitExceededException)
        {
            return (null, "the body is too large for a logout token", StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e)
        {
            return (null, "the body could not be read", e.StatusCode);
        }

        try
        {
            buffer.Position = 0;
            using var reader = new FormReader(buffer, Encoding.UTF8)
            {
                ValueCountLimit = 16,
                KeyLengthLimit = 64,
                ValueLengthLimit = MaxBodyBytes,
            };
            var fields = await reader.ReadFormAsync(cancellationToken);
            return fields.TryGetValue("logout_token", out var token) && token.Count == 1 && !string.IsNullOrEmpty(token[0])
                ? (token[0], null, StatusCodes.Status200OK)
                : (null, "exactly one logout_token is required", StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException)
        {
            return (null, "the form is malformed or exceeds its limits", StatusCodes.Status400BadRequest);
        }
    }
}
