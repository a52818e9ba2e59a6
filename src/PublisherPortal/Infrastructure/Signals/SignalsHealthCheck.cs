using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>Whether this instance hears the others right now. Not hearing them is Degraded: pages still work, revocation falls back to cache lifetimes.</summary>
public sealed class SignalsHealthCheck(IInstanceSignals signals) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(signals switch
        {
            CrossInstanceSignals { Transport: { IsListening: true } transport } => HealthCheckResult.Healthy($"listening through {transport.Name}"),
            CrossInstanceSignals { Transport: var transport } => HealthCheckResult.Degraded(
                $"not listening through {transport.Name}; sessions ended elsewhere stop working here within Sessions:CacheLifetime"),
            _ => HealthCheckResult.Healthy("this instance only (no transport configured)"),
        });
}
