using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using PublisherPortal.Accounts;
using PublisherPortal.Oidc;

namespace PublisherPortal.Entitlements;

/// <summary>
/// A reader back from a provider's checkout or subscribe page lands on the article with
/// <c>portal_refresh=1</c>; the new plan must apply at once (PROVIDERS.md, "After checkout"). Subrite: re-read the
/// member API with the stored access token and re-issue the session. Providers whose plan is in the ID token (Pliro,
/// PiPA, generic): a silent <c>prompt=none</c> re-authentication. Then on to the same URL without the marker, so a
/// reload or a shared link never repeats it.
/// </summary>
public sealed partial class PlanRefreshMiddleware(
    EntitlementResolver resolver, IReaderAccessTokens accessTokens, ILogger<PlanRefreshMiddleware> logger)
    : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Query[EntitlementOptions.RefreshParameter] != "1")
        {
            await next(context);
            return;
        }

        var clean = CleanUrl(context.Request);
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var providerKey = session.Principal?.FindFirst(OidcClaimTypes.Provider)?.Value;
        // The catalog exists only when providers are configured.
        var providers = context.RequestServices.GetService<OidcProviderCatalog>();
        if (!session.Succeeded || providers is null || !providers.TryGet(providerKey, out var provider))
        {
            // Anonymous: nothing to refresh; the paywall on the clean page offers sign-in.
            context.Response.Redirect(clean);
            return;
        }

        switch (provider.Type)
        {
            case OidcProviderType.PixelPin:
                break;
            case OidcProviderType.Subrite:
                var principal = session.Principal!.Clone();
                var token = await accessTokens.GetAccessTokenAsync(context, context.RequestAborted);
                if (principal.Identity is System.Security.Claims.ClaimsIdentity identity
                    && await resolver.RefreshAsync(identity, provider.Key, provider.Type, token, context.RequestAborted))
                {
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, session.Properties);
                    LogRefreshed(provider.Key);
                }

                break;
            default:
                var challenge = new OidcChallengeProperties { Prompt = "none", RedirectUri = clean };
                LogSilentReauthentication(provider.Key);
                await context.ChallengeAsync(provider.Key, challenge);
                return;
        }

        context.Response.Redirect(clean);
    }

    /// <summary>The request's local path and query without the marker.</summary>
    public static string CleanUrl(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, EntitlementOptions.RefreshParameter, StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plans of a {Provider} reader re-read after checkout; session re-issued")]
    private partial void LogRefreshed(string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silent re-authentication at {Provider} to pick up a new plan")]
    private partial void LogSilentReauthentication(string provider);
}
