using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>Discovery (OpenID Connect Discovery 1.0 §4.3): the document must name exactly our issuer.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public async Task Refuses_to_start_sign_in_when_discovery_names_another_issuer()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.DiscoveryIssuer = "https://impostor.test");

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.ProviderConfiguration);
        Assert.Empty(s.Provider.AuthorizeRequests);
    }

    [Fact]
    public async Task Reports_the_issuer_mismatch_to_the_web_app()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.DiscoveryIssuer = "https://impostor.test");
        var source = (IOidcConfigurationSource)s.Site.Services.GetService(typeof(IOidcConfigurationSource))!;

        var error = await Assert.ThrowsAsync<OidcConfigurationException>(() => source.GetAsync(Scenario.Key));

        Assert.Contains("https://impostor.test", error.Message);
        Assert.Contains("https://op.test", error.Message);
    }

    [Fact]
    public async Task Gives_the_web_app_the_resolved_endpoints()
    {
        await using var s = await Scenario.StartAsync();
        var source = (IOidcConfigurationSource)s.Site.Services.GetService(typeof(IOidcConfigurationSource))!;

        var configuration = await source.GetAsync(Scenario.Key);

        Assert.Equal("https://op.test/userinfo", configuration.UserInfoEndpoint);
        Assert.Equal("https://op.test/token", configuration.TokenEndpoint);
        Assert.Single(configuration.SigningKeys);
    }

    [Fact]
    public async Task Caches_discovery_between_sign_ins()
    {
        await using var s = await Scenario.StartAsync();

        await s.AssertSignedInAsync(await s.SignInAsync());
        await s.Site.NewBrowser(s.Provider).NavigateAsync($"{s.Site.BaseUrl}/login/{Scenario.Key}");

        Assert.Equal(1, s.Provider.DiscoveryHits);
        Assert.Equal(2, s.Provider.TokenRequests.Count);
    }
}
