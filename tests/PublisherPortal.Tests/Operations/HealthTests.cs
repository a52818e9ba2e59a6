using System.Net;
using System.Text.Json;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// /health/ready reports the database, every provider's discovery and keys (or the keys in settings where a provider
/// has no discovery) and the signals; a provider that is down is Degraded (200), and providers are asked at most once
/// per 30 s however often readiness is asked.
/// </summary>
public sealed class HealthTests
{
    private const string Discovery = "/.well-known/openid-configuration";

    [Fact]
    public async Task Ready_names_each_check_and_is_healthy_with_providers_configured_from_settings()
    {
        using var portal = new PortalFactory(PortalSetup.Offline);
        var report = await ReadyAsync(portal, HttpStatusCode.OK);

        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("signals").GetProperty("status").GetString());
        var providers = checks.GetProperty("providers");
        Assert.Equal("Healthy", providers.GetProperty("status").GetString());
        // Offline providers have no discovery: the keys in settings are what sign-in will use.
        Assert.Contains("key(s) from settings", providers.GetProperty("data").GetProperty("pliro").GetString());
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_provider_whose_discovery_is_down_is_degraded_by_name_and_asked_at_most_once_per_interval()
    {
        var provider = new ScriptedProvider().Down(Discovery);
        using var portal = new PortalFactory(WithAcme(provider));

        for (var i = 0; i < 5; i++)
        {
            var report = await ReadyAsync(portal, HttpStatusCode.OK); // Degraded keeps the instance in rotation
            Assert.Equal("Degraded", report.GetProperty("status").GetString());
            var providers = report.GetProperty("checks").GetProperty("providers");
            Assert.Contains("Acme", providers.GetProperty("description").GetString());
            Assert.Contains("HTTP 503", providers.GetProperty("data").GetProperty("acme").GetString());
        }

        Assert.Equal(1, provider.Calls(Discovery));
        portal.Clock.Advance(PublisherPortal.Providers.ProviderReadinessCheck.Freshness);
        provider.Json(Discovery, AcmeDiscovery).Json("/jwks", AcmeJwks);

        var recovered = await ReadyAsync(portal, HttpStatusCode.OK);
        Assert.Equal("Healthy", recovered.GetProperty("status").GetString());
        Assert.Equal(2, provider.Calls(Discovery));
        Assert.Contains("1 key(s) from the key set", recovered.GetProperty("checks").GetProperty("providers").GetProperty("data").GetProperty("acme").GetString());
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_is_degraded_within_the_probe_timeout()
    {
        using var portal = new PortalFactory(WithAcme(new ScriptedProvider().Slow(Discovery)));
        var report = await ReadyAsync(portal, HttpStatusCode.OK);
        Assert.Contains("no answer within 3 s", report.GetProperty("checks").GetProperty("providers").GetProperty("data").GetProperty("acme").GetString());
    }

    [Theory]
    [InlineData("another issuer", "the discovery document names another issuer than https://acme.example")]
    [InlineData("empty key set", "the key set holds no usable signing key")]
    [InlineData("not a key set", "signing keys unavailable (not a key set)")]
    public async Task A_provider_whose_documents_would_fail_sign_in_is_degraded_with_the_reason(string fault, string reason)
    {
        var provider = new ScriptedProvider();
        _ = fault switch
        {
            "another issuer" => provider.Json(Discovery, AcmeDiscovery.Replace("\"issuer\": \"https://acme.example\"", "\"issuer\": \"https://evil.example\"", StringComparison.Ordinal))
                .Json("/jwks", AcmeJwks),
            "empty key set" => provider.Json(Discovery, AcmeDiscovery).Json("/jwks", """{ "keys": [] }"""),
            _ => provider.Json(Discovery, AcmeDiscovery).Json("/jwks", """{ "keys": "none" }"""),
        };
        using var portal = new PortalFactory(WithAcme(provider));

        var report = await ReadyAsync(portal, HttpStatusCode.OK);

        var providers = report.GetProperty("checks").GetProperty("providers");
        Assert.Equal("Degraded", providers.GetProperty("status").GetString());
        Assert.Contains(reason, providers.GetProperty("data").GetProperty("acme").GetString());
    }

    internal static readonly string AcmeJwks =
        JsonSerializer.Serialize(new { keys = new[] { PublisherPortal.Testing.ProviderKey.Rsa("acme-1").ToJwk() } });

    internal const string AcmeDiscovery = """
        { "issuer": "https://acme.example", "authorization_endpoint": "https://acme.example/authorize",
          "token_endpoint": "https://acme.example/token", "jwks_uri": "https://acme.example/jwks" }
        """;

    /// <summary>The offline providers plus Acme, a standard provider that requires its discovery document.</summary>
    internal static PortalSetup WithAcme(ScriptedProvider provider) => PortalSetup.Offline.With(new Dictionary<string, string?>
    {
        ["Providers:acme:Type"] = "Generic",
        ["Providers:acme:DisplayName"] = "Acme",
        ["Providers:acme:Issuer"] = "https://acme.example",
        ["Providers:acme:ClientId"] = "acme-client",
        ["Providers:acme:ClientSecret"] = "acme-secret",
        ["Providers:acme:BackchannelTimeout"] = "00:00:02",
    }) with { ProviderBackchannel = provider };

    private static async Task<JsonElement> ReadyAsync(PortalFactory portal, HttpStatusCode expected)
    {
        var response = await portal.CreateReader().GetAsync("/health/ready");
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
