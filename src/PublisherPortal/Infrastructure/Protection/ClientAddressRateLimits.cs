using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.Protection;

/// <summary>
/// ASP.NET Core's rate limiter, one fixed window per (limit, client address) for the paths <see cref="RateLimitOptions"/>
/// names. A global limiter rather than endpoint policies: sign-in start and the callbacks are handled by middleware
/// (the authentication handlers), before any endpoint is chosen.
/// </summary>
public static class ClientAddressRateLimits
{
    public static IServiceCollection AddClientAddressRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Limit(context.Request, limits) switch
            {
                ({ PermitLimit: > 0 } limit, var name) => RateLimitPartition.GetFixedWindowLimiter(
                    $"{name}|{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 }),
                _ => RateLimitPartition.GetNoLimiter(""),
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.Headers.CacheControl = "no-store";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync($"Too many requests from your address. Try again in {seconds} seconds.", cancellationToken);
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static (RateLimit? Limit, string Name) Limit(HttpRequest request, RateLimitOptions limits)
    {
        var path = request.Path.Value ?? "";
        if (path.StartsWith("/signin-", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/signout-callback-", StringComparison.OrdinalIgnoreCase)
            || (path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) && request.Query.ContainsKey("provider")))
        {
            return (limits.SignIn, "sign-in");
        }

        if (path.StartsWith("/backchannel-logout/", StringComparison.OrdinalIgnoreCase))
        {
            return (limits.BackchannelLogout, "backchannel-logout");
        }

        return path.Equals("/search", StringComparison.OrdinalIgnoreCase) ? (limits.Search, "search") : (null, "");
    }
}
