namespace PublisherPortal.Tests.Operations;

/// <summary>Every setting the production work added stops start-up naming its key when its value cannot be used.</summary>
public sealed class OperationsSettingsTests
{
    [Theory]
    [InlineData("Proxy:KnownProxies:0", "nginx.internal", "Proxy:KnownProxies:0")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0", "Proxy:KnownNetworks:0")]
    [InlineData("Proxy:KnownNetworks:0", "0.0.0.0/0", "Proxy:KnownNetworks:0")]
    [InlineData("RateLimits:Search:PermitLimit", "-1", "RateLimits:Search:PermitLimit")]
    [InlineData("RateLimits:SignIn:Window", "00:00:00", "RateLimits:SignIn:Window")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("Telemetry:OtlpProtocol", "http", "Telemetry:OtlpProtocol")]
    [InlineData("Telemetry:PrometheusPath", "metrics", "Telemetry:PrometheusPath")]
    [InlineData("Redis:Configuration", "redis.internal:6379,nonsense=1", "Redis:Configuration")]
    [InlineData("Providers:pliro:BackchannelTimeout", "00:10:00", "Providers:pliro:BackchannelTimeout")]
    public void A_bad_value_stops_start_up_naming_the_key(string key, string value, string named)
    {
        using var portal = new PortalFactory(PortalSetup.Offline.With(key, value));
        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Good_values_start_the_site()
    {
        using var portal = new PortalFactory(PortalSetup.Offline.With(new Dictionary<string, string?>
        {
            ["Proxy:KnownProxies:0"] = "10.0.0.5",
            ["Proxy:KnownNetworks:0"] = "10.0.1.0/24",
            ["RateLimits:Search:PermitLimit"] = "0",
            ["Telemetry:PrometheusPath"] = "/metrics",
            ["Providers:pliro:BackchannelTimeout"] = "00:00:05",
        }));
        Assert.NotNull(portal.CreateClient());
    }
}
