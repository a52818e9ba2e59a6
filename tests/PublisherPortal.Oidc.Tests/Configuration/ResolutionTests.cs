using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Configuration;

/// <summary>Endpoints and keys from settings, the discovery document and the Type's documented defaults, in that order.</summary>
public sealed class ResolutionTests
{
    private static Task<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration> ResolvedAsync(Scenario s) =>
        s.Site.Services.GetRequiredService<IOidcConfigurationSource>().GetAsync(Scenario.Key);

    [Fact]
    public async Task A_pliro_site_without_discovery_signs_in_and_out_on_its_documented_oauth_endpoints_with_its_pem_key()
    {
        ProviderKey key = null!;
        await using var s = await Scenario.StartAsync(type: "Pliro", arrange: p =>
            {
                p.Behaviour.PublishDiscovery = false;
                key = ProviderKey.EcP256("pliro-key");
                p.UseKeys(key);
            },
            settings: v => v["Providers:op:SigningKeysPem:0"] = key.PublicKeyPem);

        await s.AssertSignedInAsync(await s.SignInAsync());
        await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/logout/{Scenario.Key}");

        Assert.Contains("/oauth/authorize", s.Provider.RequestedPaths);
        Assert.Contains("/oauth/token", s.Provider.RequestedPaths);
        Assert.Contains("/oauth/end_session", s.Provider.RequestedPaths);
        Assert.DoesNotContain("/jwks", s.Provider.RequestedPaths);
        Assert.True(s.Site.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "discovery document"), s.Site.Logs.Text);
    }

    [Fact]
    public async Task A_pliro_site_with_discovery_uses_it()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro");

        await s.AssertSignedInAsync(await s.SignInAsync());

        Assert.Contains("/authorize", s.Provider.RequestedPaths);
        Assert.DoesNotContain("/oauth/authorize", s.Provider.RequestedPaths);
    }

    [Fact]
    public async Task Required_discovery_that_is_missing_stops_the_sign_in_with_a_clear_error()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.PublishDiscovery = false);

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.ProviderConfiguration);
        Assert.Empty(s.Provider.AuthorizeRequests);
    }

    [Fact]
    public async Task An_explicit_endpoint_wins_over_the_discovery_document()
    {
        await using var s = await Scenario.StartAsync(settings: v => v["Providers:op:TokenEndpoint"] = "https://op.test/oauth/token");

        await s.AssertSignedInAsync(await s.SignInAsync());

        Assert.Contains("/oauth/token", s.Provider.RequestedPaths);
        Assert.DoesNotContain("/token", s.Provider.RequestedPaths);
        Assert.Equal("https://op.test/authorize", (await ResolvedAsync(s)).AuthorizationEndpoint);
    }

    [Fact]
    public async Task A_configured_pem_key_is_honoured_alongside_the_discovery_keys()
    {
        var unpublished = ProviderKey.EcP256("only-in-settings");
        await using var s = await Scenario.StartAsync(
            settings: v => v["Providers:op:SigningKeysPem:0"] = unpublished.PublicKeyPem,
            arrange: p => p.SignWithUnpublished(unpublished));

        await s.AssertSignedInAsync(await s.SignInAsync());
        Assert.Equal(2, (await ResolvedAsync(s)).SigningKeys.Count);
    }

    [Fact]
    public async Task A_subrite_issuer_whose_discovery_lives_elsewhere_is_found_through_the_metadata_address()
    {
        await using var s = await Scenario.StartAsync(type: "Subrite", issuer: "https://op.test/api/oidc",
            settings: v => v["Providers:op:MetadataAddress"] = "https://op.test/.well-known/openid-configuration",
            arrange: p => p.Behaviour.ExpectedClientAuth = "client_secret_post");

        await s.AssertSignedInAsync(await s.SignInAsync());
        Assert.Contains("/api/oidc/token", s.Provider.RequestedPaths);
    }

    [Fact]
    public async Task Without_the_metadata_address_that_subrite_sign_in_stops_with_a_clear_error()
    {
        await using var s = await Scenario.StartAsync(type: "Subrite", issuer: "https://op.test/api/oidc",
            arrange: p => p.Behaviour.ExpectedClientAuth = "client_secret_post");

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.ProviderConfiguration);
        Assert.Contains("/api/oidc/.well-known/openid-configuration", s.Provider.RequestedPaths);
    }

    [Fact]
    public async Task PiPA_endpoints_default_to_its_documented_urls()
    {
        var key = ProviderKey.Rsa("pipa");
        await using var s = await Scenario.StartAsync(type: "PiPA", settings: v => v["Providers:op:SigningKeysPem:0"] = key.PublicKeyPem);

        var configuration = await ResolvedAsync(s);

        Assert.Equal("https://pipa.co/auth/authorize", configuration.AuthorizationEndpoint);
        Assert.Equal("https://pipa.co/auth/token", configuration.TokenEndpoint);
        Assert.Null(configuration.UserInfoEndpoint);
        Assert.Null(configuration.EndSessionEndpoint);
        Assert.Equal(0, s.Provider.DiscoveryHits);
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_is_not_used_even_when_optional()
    {
        var key = ProviderKey.EcP256("pliro-key");
        await using var s = await Scenario.StartAsync(type: "Pliro",
            settings: v => v["Providers:op:SigningKeysPem:0"] = key.PublicKeyPem,
            arrange: p =>
            {
                p.Behaviour.DiscoveryIssuer = "https://evil.test";
                p.UseKeys(key);
            });

        var configuration = await ResolvedAsync(s);

        Assert.Equal("https://op.test/oauth/authorize", configuration.AuthorizationEndpoint);
        Assert.Single(configuration.SigningKeys);
        Assert.True(s.Site.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "evil.test"), s.Site.Logs.Text);
    }
}
