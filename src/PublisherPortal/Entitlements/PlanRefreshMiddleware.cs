using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Keeps a signed-in reader's plans current. Two triggers: a return from a provider's checkout or subscribe page
/// (<c>portal_refresh=1</c>: the new plan must apply at once, PROVIDERS.md "After checkout"), and plans older than
/// <see cref="EntitlementOptions.MaxPlanAge"/> on the next page. Subrite: re-read the member API with the (renewed)
/// access token and re-issue the session. Providers whose plan is in the ID token (Pliro, PiPA, generic): a silent
/// <c>prompt=none</c> re-authentication. After checkout the reader continues to the URL without the marker, so a
/// reload or a shared link never repeats it.
/// </summary>
public sealed partial class PlanRefreshMiddleware(
    EntitlementResolver resolver, IReaderAccessTokens accessTokens, ReaderSessionUpdater sessions, TimeProvider clock, IOptionsMonitor<EntitlementOptions> options,
    ILogger<PlanRefreshMiddleware> logger)
    : IMiddleware
{
    /// <summary>
    /// Set when a stale-plan refresh starts; while present no other is started, so a provider that keeps failing
    /// (and keeps the session, as non-login errors do) costs one attempt per MaxPlanAge, not one per page.
    /// </summary>
    public const string AttemptCookie = "portal.plans_checked";

    private static readonly string[] NonPagePrefixes =
        ["/dev", "/health", "/signin-", "/signout-callback-", "/backchannel-logout", "/account/logout", "/admin", "/test"];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var afterCheckout = HttpMethods.IsGet(context.Request.Method) && context.Request.Query[EntitlementOptions.RefreshParameter] == "1";
        if (!afterCheckout && (!IsPage(context.Request) || context.Request.Cookies.ContainsKey(AttemptCookie) || options.CurrentValue.MaxPlanAge <= TimeSpan.Zero))
        {
            await next(context);
            return;
        }

        var clean = CleanUrl(context.Request);
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var providerKey = session.Principal?.FindFirst(OidcClaimTypes.Provider)?.Value;
        // The catalog exists only when providers are configured.
        var providers = context.RequestServices.GetService<OidcProviderCatalog>();
        var known = session.Succeeded && providers is not null && providers.TryGet(providerKey, out _);
        if (!afterCheckout && (!known || !IsStale(session.Principal!)))
        {
            await next(context);
            return;
        }

        if (!known)
        {
            // Anonymous: nothing to refresh; the paywall on the clean page offers sign-in.
            context.Response.Redirect(clean);
            return;
        }

        providers!.TryGet(providerKey, out var provider);
        if (!afterCheckout)
        {
            context.Response.Cookies.Append(AttemptCookie, "1", new CookieOptions
            {
                MaxAge = options.CurrentValue.MaxPlanAge,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        }

        switch (provider.Type)
        {
            case OidcProviderType.PixelPin:
                break;
            case OidcProviderType.Subrite:
                // Renew the access token first (it may rotate the refresh token), then update the session as stored.
                var token = await accessTokens.GetAccessTokenAsync(context, context.RequestAborted);
                if (await sessions.UpdateAsync(context, identity =>
                        resolver.RefreshAsync(identity, provider.Key, provider.Type, token, context.RequestAborted)) is not null)
                {
                    LogRefreshed(provider.Key, afterCheckout ? "checkout" : "stale plans");
                }

                break;
            default:
                var challenge = new OidcChallengeProperties { Prompt = "none", RedirectUri = clean };
                LogSilentReauthentication(provider.Key, afterCheckout ? "checkout" : "stale plans");
                await context.ChallengeAsync(provider.Key, challenge);
                return;
        }

        if (afterCheckout)
        {
            context.Response.Redirect(clean);
            return;
        }

        await next(context);
    }

    private bool IsStale(System.Security.Claims.ClaimsPrincipal principal) =>
        !DateTimeOffset.TryParse(principal.FindFirst(EntitlementClaimTypes.PlansReadAt)?.Value, CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var readAt)
        || clock.GetUtcNow() - readAt > options.CurrentValue.MaxPlanAge;

    /// <summary>A page a reader navigates to (not a feed, asset, endpoint or a step of a sign-in journey).</summary>
    private static bool IsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !Path.HasExtension(request.Path.Value)
        && !NonPagePrefixes.Any(prefix => request.Path.StartsWithSegments(prefix) || request.Path.Value!.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The request's local path and query without the marker.</summary>
    public static string CleanUrl(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, EntitlementOptions.RefreshParameter, StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plans of a {Provider} reader re-read ({Trigger}); session re-issued")]
    private partial void LogRefreshed(string provider, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silent re-authentication at {Provider} to pick up plan changes ({Trigger})")]
    private partial void LogSilentReauthentication(string provider, string trigger);
}
