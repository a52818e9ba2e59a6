using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc.Tests.Configuration;

/// <summary>A provider that cannot work stops the app at start-up with a message naming the settings key.</summary>
public sealed class StartupValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Providers:pliro:Type"] = "Pliro",
        ["Providers:pliro:Issuer"] = "https://example.plirotest.page",
        ["Providers:pliro:ClientId"] = "client",
        ["Providers:pliro:ClientSecret"] = "secret",
    };

    private static async Task<string> StartupFailureAsync(Action<Dictionary<string, string?>> change)
    {
        var settings = new Dictionary<string, string?>(Valid);
        change(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAuthentication("cookie").AddCookie("cookie")
            .AddOidcProviders(builder.Configuration.GetSection("Providers"));
        await using var app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return error.Message;
    }

    [Fact]
    public async Task Starts_with_valid_settings()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Valid);
        builder.Services.AddAuthentication("cookie").AddCookie("cookie").AddOidcProviders(builder.Configuration.GetSection("Providers"));
        await using var app = builder.Build();

        await app.StartAsync();

        var catalog = app.Services.GetRequiredService<OidcProviderCatalog>();
        Assert.Equal("pliro", Assert.Single(catalog.Providers).Key);
    }

    [Fact]
    public async Task Names_the_missing_client_secret()
    {
        var message = await StartupFailureAsync(s => s.Remove("Providers:pliro:ClientSecret"));
        Assert.Contains("Providers:pliro:ClientSecret is required", message);
    }

    [Fact]
    public async Task Names_the_missing_client_id_and_issuer()
    {
        var message = await StartupFailureAsync(s =>
        {
            s.Remove("Providers:pliro:ClientId");
            s.Remove("Providers:pliro:Issuer");
        });
        Assert.Contains("Providers:pliro:ClientId is required", message);
        Assert.Contains("Providers:pliro:Issuer is required", message);
    }

    [Fact]
    public async Task Refuses_a_relative_issuer()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:Issuer"] = "example.plirotest.page");
        Assert.Contains("Providers:pliro:Issuer must be an absolute http(s) URL", message);
    }

    [Fact]
    public async Task Refuses_an_http_issuer_unless_https_metadata_is_turned_off()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:Issuer"] = "http://example.plirotest.page");
        Assert.Contains("Providers:pliro:Issuer must use https", message);
    }

    [Fact]
    public async Task Requires_endpoints_and_keys_when_discovery_is_off_for_a_type_with_no_documented_endpoints()
    {
        var message = await StartupFailureAsync(s =>
        {
            s["Providers:pliro:Type"] = "Generic";
            s["Providers:pliro:UseDiscovery"] = "false";
        });
        Assert.Contains("Providers:pliro:AuthorizationEndpoint is required when discovery is off (Providers:pliro:Discovery=Off or Providers:pliro:UseDiscovery=false)", message);
        Assert.Contains("Providers:pliro:TokenEndpoint is required", message);
        Assert.Contains("Providers:pliro:SigningKeysPem or Providers:pliro:JwksUri is required", message);
    }

    [Fact]
    public async Task A_pliro_site_without_discovery_needs_only_its_signing_key_beyond_the_basics()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:Discovery"] = "Off");
        Assert.DoesNotContain("AuthorizationEndpoint", message);
        Assert.DoesNotContain("TokenEndpoint", message);
        Assert.Contains("Providers:pliro:SigningKeysPem or Providers:pliro:JwksUri is required", message);
    }

    [Fact]
    public async Task PiPA_configured_from_its_document_alone_is_told_which_key_setting_is_missing()
    {
        var message = await StartupFailureAsync(s =>
        {
            s["Providers:pliro:Type"] = "PiPA";
            s["Providers:pliro:Issuer"] = "https://pipa.co";
        });
        Assert.DoesNotContain("AuthorizationEndpoint", message);
        Assert.Contains("Providers:pliro:SigningKeysPem or Providers:pliro:JwksUri is required when discovery is off", message);
    }

    [Fact]
    public async Task Names_a_discovery_mode_that_does_not_exist()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:Discovery"] = "Sometimes");
        Assert.Contains("Providers:pliro:Discovery must be Required, IfAvailable or Off (was 'Sometimes')", message);
    }

    [Fact]
    public async Task Refuses_a_pem_setting_that_is_not_a_key()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:SigningKeysPem:0"] = "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----");
        Assert.Contains("Providers:pliro:SigningKeysPem:0 is not a usable PEM public key", message);
    }

    [Fact]
    public async Task Refuses_hmac_and_none_in_the_algorithm_allow_list()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:AllowedSigningAlgorithms"] = "ES256 HS256 none");
        Assert.Contains("'HS256' is not allowed", message);
        Assert.Contains("'none' is not allowed", message);
    }

    [Fact]
    public async Task Refuses_subrite_without_pkce()
    {
        var message = await StartupFailureAsync(s =>
        {
            s["Providers:pliro:Type"] = "Subrite";
            s["Providers:pliro:UsePkce"] = "false";
        });
        Assert.Contains("Providers:pliro:UsePkce must be true for Subrite", message);
    }

    [Fact]
    public async Task Names_a_value_that_cannot_be_read()
    {
        var message = await StartupFailureAsync(s =>
        {
            s["Providers:pliro:UsePkce"] = "yes";
            s["Providers:pliro:Type"] = "Facebook";
            s["Providers:pliro:TokenEndpointAuthMethod"] = "private_key_jwt";
        });
        Assert.Contains("Providers:pliro:UsePkce must be true or false (was 'yes')", message);
        Assert.Contains("Providers:pliro:Type must be one of", message);
        Assert.Contains("Providers:pliro:TokenEndpointAuthMethod must be client_secret_basic or client_secret_post", message);
    }

    [Fact]
    public async Task Refuses_scopes_without_openid()
    {
        var message = await StartupFailureAsync(s => s["Providers:pliro:Scopes"] = "email profile");
        Assert.Contains("Providers:pliro:Scopes must contain openid", message);
    }

    [Fact]
    public async Task Refuses_a_provider_key_unfit_for_a_url()
    {
        var message = await StartupFailureAsync(s =>
        {
            foreach (var key in Valid.Keys) s[key.Replace("pliro", "Pliro Site", StringComparison.Ordinal)] = s[key];
        });
        Assert.Contains("Providers:Pliro Site is not a usable provider key", message);
    }
}
