using Microsoft.Extensions.Diagnostics.HealthChecks;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// Readiness of every configured provider: discovery and signing keys where it has them, the keys in settings where it
/// has none (<see cref="OidcProviderProbe"/>). Results are kept for <see cref="Freshness"/> (on the app's clock), so
/// however often a load balancer asks, each provider is asked at most once per interval per instance. A provider that
/// is down is Degraded, never Unhealthy: every instance depends on it alike, and taking them all out of the load
/// balancer would stop reading too, which needs no provider (docs/operations.md, "Health").
/// </summary>
public sealed class ProviderReadinessCheck(OidcProviderCatalog catalog, OidcProviderProbe probe, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } meanwhile)
            {
                return meanwhile;
            }

            var providers = catalog.Providers;
            var results = await Task.WhenAll(providers.Select(p => probe.ProbeAsync(p.Key, ProbeTimeout, CancellationToken.None)));
            var data = providers.Zip(results).ToDictionary(r => r.First.Key, r => (object)$"{(r.Second!.Ready ? "ok" : "DOWN")}: {r.Second.Summary}");
            var down = providers.Zip(results).Where(r => !r.Second!.Ready).Select(r => r.First.DisplayName).ToList();
            var result = providers.Count == 0
                ? HealthCheckResult.Healthy("no providers configured")
                : down.Count == 0
                    ? HealthCheckResult.Healthy($"{providers.Count} provider(s) reachable", data)
                    : HealthCheckResult.Degraded($"sign-in unavailable at {string.Join(", ", down)}; reading goes on", data: data);
            _last = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _probing.Release();
        }
    }

    private HealthCheckResult? Fresh() => _last is { } last && clock.GetUtcNow() - last.At < Freshness ? last.Result : null;
}
