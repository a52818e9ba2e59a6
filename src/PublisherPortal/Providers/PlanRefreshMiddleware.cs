using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// Keeps a signed-in reader's plans current. Two triggers: a return from a provider's checkout or subscribe page
/// (<c>portal_refresh=1</c>: the new plan must apply at once, docs/providers/README.md "After checkout"), and plans
/// older than <see cref="EntitlementOptions.MaxPlanAge"/> on the next page. How plans are re-read is the provider's
/// (<see cref="ISubscriptionProvider.RefreshPlansAsync"/>). After checkout the reader continues to the URL without
/// the marker, so a reload or a shared link never repeats it.
/// </summary>
public sealed partial class PlanRefreshMiddleware(
    SubscriptionProviders providers, TimeProvider clock, IOptionsMonitor<EntitlementOptions> options, ILogger<PlanRefreshMiddleware> logger)
    : IMiddleware
{
    /// <summary>
    /// Set when a stale-plan refresh starts; while present no other is started, so a provider that keeps failing
    /// (and keeps the session, as non-login errors do) costs one attempt per MaxPlanAge, not one per page.
    /// </summary>
    public const string AttemptCookie = "portal.plans_checked";

    private static readonly string[] NonPagePrefixes =
        ["/dev", "/health", "/signin-", "/signout-callback-", "/backchannel-logout", "/account/logout", "/admin", "/_"];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var afterCheckout = HttpMethods.IsGet(context.Request.Method) && context.Request.Query[EntitlementOptions.RefreshParameter] == "1";
        if (!afterCheckout && (!IsPage(context.Request) || context.Request.Cookies.ContainsKey(AttemptCookie) || options.CurrentValue.MaxPlanAge <= TimeSpan.Zero))
        {
            await next(context);
            return;
        }

        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var provider = session.Succeeded ? providers.Find(session.Principal.FindFirst(OidcClaimTypes.Provider)?.Value) : null;
        if (!afterCheckout && (provider is null || !IsStale(session.Principal!)))
        {
            await next(context);
            return;
        }

        var clean = CleanUrl(context.Request);
        if (provider is null)
        {
            // Anonymous: nothing to refresh; the paywall on the clean page offers sign-in.
            context.Response.Redirect(clean);
            return;
        }

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

        var trigger = afterCheckout ? "checkout" : "stale plans";
        var outcome = await provider.Behaviour.RefreshPlansAsync(context, provider.Info, clean);
        LogRefresh(provider.Key, trigger, outcome);
        if (outcome == PlanRefreshOutcome.Redirected)
        {
            return;
        }

        if (afterCheckout)
        {
            context.Response.Redirect(clean);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// Read longer ago than MaxPlanAge, or a subscription in the snapshot has reached the end the provider gave
    /// (Subrite's <c>expiresAt</c>): a renewing member is then re-read at once instead of being told to renew.
    /// </summary>
    private bool IsStale(ClaimsPrincipal principal)
    {
        var snapshot = EntitlementSnapshot.FromPrincipal(principal);
        var now = clock.GetUtcNow();
        return now - snapshot.ReadAt > options.CurrentValue.MaxPlanAge || snapshot.ExpiresAt.Values.Any(end => end <= now);
    }

    /// <summary>A page a reader navigates to (not a feed, asset, endpoint or a step of a sign-in journey).</summary>
    private static bool IsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !Path.HasExtension(request.Path.Value)
        && !NonPagePrefixes.Any(prefix => request.Path.StartsWithSegments(prefix) || request.Path.Value!.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// The request's local path and query without the marker, through the one local-URL rule: a request for
    /// <c>//evil.example/?portal_refresh=1</c> must not become a redirect to another site.
    /// </summary>
    public static string CleanUrl(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, EntitlementOptions.RefreshParameter, StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return LocalUrl.OrHome(QueryHelpers.AddQueryString(request.PathBase + request.Path, query));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plans of a {Provider} reader refreshed ({Trigger}): {Outcome}")]
    private partial void LogRefresh(string provider, string trigger, PlanRefreshOutcome outcome);
}
