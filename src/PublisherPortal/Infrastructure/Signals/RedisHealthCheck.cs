using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// Readiness of Redis, when configured: a PING on the shared connection. Redis down is Degraded, not Unhealthy: the site
/// still serves every page (signals fall back to cache lifetimes), so a load balancer must not take instances out for it.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis.Current is not { IsConnected: true } connection)
        {
            return HealthCheckResult.Degraded("not connected; signals between instances fall back to cache lifetimes");
        }

        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"PING failed ({e.GetType().Name})");
        }
    }
}
