using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>JSON and redirect responses shared by the stand-ins' protocol endpoints.</summary>
internal static class ProtocolResponses
{
    /// <summary>Token responses must not be cached (RFC 6749 §5.1).</summary>
    public static async Task JsonAsync(HttpContext context, JsonNode body, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>A token endpoint error (RFC 6749 §5.2): 400, or 401 for client authentication failures.</summary>
    public static Task OAuthErrorAsync(HttpContext context, string error, string description, int statusCode = StatusCodes.Status400BadRequest, string? wwwAuthenticate = null)
    {
        if (wwwAuthenticate is not null)
        {
            context.Response.Headers.WWWAuthenticate = wwwAuthenticate;
        }

        return JsonAsync(context, new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode);
    }

    /// <summary>Back to the client's redirect URI, keeping any query it carried (RFC 6749 §3.1.2).</summary>
    public static void RedirectWith(HttpContext context, string redirectUri, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters.Where(p => p.Value is not null)));
    }
}
