using Microsoft.AspNetCore.Http;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// Bearer access tokens at the stand-ins' resource endpoints (userinfo, Subrite's member API), RFC 6750.
/// A missing token gets a bare challenge; an unknown or expired one gets <c>error="invalid_token"</c>, which is
/// what tells the portal to re-authenticate (Pliro, "Update customer information").
/// </summary>
internal sealed class AccessTokenValidator(GrantStore grants, TimeProvider time)
{
    /// <summary>The grant behind the request's token, or null after writing the 401.</summary>
    public async Task<TokenGrant?> ValidateAsync(HttpContext context, StandInProvider provider)
    {
        var token = await ReadTokenAsync(context, provider);
        var realm = $"realm=\"{provider.Issuer}\"";
        if (token is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer " + realm;
            return null;
        }

        var grant = grants.FindAccessToken(token);
        if (grant is null || grant.Provider != provider.Key || grant.ExpiresAt <= time.GetUtcNow())
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Bearer {realm}, error=\"invalid_token\", error_description=\"The access token is unknown or expired\"";
            return null;
        }

        return grant;
    }

    private static async Task<string?> ReadTokenAsync(HttpContext context, StandInProvider provider)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length > 0 ? value : null;
        }

        if (provider.AcceptsAccessTokenInForm && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var value = form["access_token"].ToString();
            return value.Length > 0 ? value : null;
        }

        return null;
    }
}
