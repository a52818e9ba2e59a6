using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class DiscoveryTests
{
    private const string Base = StandInHost.PortalBase;

    private static async Task<JsonElement> GetJsonAsync(StandInHost host, string path)
    {
        using var client = host.NewClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Pliro_publishes_no_discovery_document_or_jwks_by_default_as_its_documents_promise_none()
    {
        await using var host = await StandInHost.StartAsync();
        using var client = host.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/pliro/.well-known/openid-configuration")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/pliro/oauth/discovery/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dev/pliro/signing-keys.pem")).StatusCode);
    }

    [Fact]
    public async Task Pliro_discovery_when_switched_on_names_its_site_url_as_issuer_and_the_documented_endpoints()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pliro:PublishDiscovery"] = "true" });
        var doc = await GetJsonAsync(host, "/dev/pliro/.well-known/openid-configuration");

        Assert.Equal($"{Base}/dev/pliro", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{Base}/dev/pliro/oauth/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{Base}/dev/pliro/oauth/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{Base}/dev/pliro/oauth/userinfo", doc.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal($"{Base}/dev/pliro/oauth/end_session", doc.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["client_secret_basic"], doc.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ES256"], doc.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["authorization_code"], doc.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.True(doc.GetProperty("backchannel_logout_supported").GetBoolean());
    }

    [Fact]
    public async Task Subrite_discovery_lives_under_api_oidc_and_its_issuer_includes_that_path()
    {
        await using var host = await StandInHost.StartAsync();
        var doc = await GetJsonAsync(host, "/dev/subrite/api/oidc/.well-known/openid-configuration");

        Assert.Equal($"{Base}/dev/subrite/api/oidc", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{Base}/dev/subrite/api/oidc/auth", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{Base}/dev/subrite/api/oidc/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{Base}/dev/subrite/api/oidc/session/end", doc.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["client_secret_post"], doc.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));

        using var client = host.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/subrite/.well-known/openid-configuration")).StatusCode);
    }

    [Fact]
    public async Task PixelPin_discovery_has_connect_endpoints_and_no_end_session()
    {
        await using var host = await StandInHost.StartAsync();
        var doc = await GetJsonAsync(host, "/dev/pixelpin/.well-known/openid-configuration");

        Assert.Equal($"{Base}/dev/pixelpin", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{Base}/dev/pixelpin/connect/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{Base}/dev/pixelpin/connect/userinfo", doc.GetProperty("userinfo_endpoint").GetString());
        Assert.False(doc.TryGetProperty("end_session_endpoint", out _));
        Assert.Equal(["authorization_code"], doc.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PiPA_publishes_no_discovery_document_but_serves_the_configured_jwks()
    {
        await using var host = await StandInHost.StartAsync();
        using var client = host.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/pipa/.well-known/openid-configuration")).StatusCode);
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/dev/pipa/auth/jwks"));
        Assert.Equal("RSA", Assert.Single(jwks.Keys).Kty);
    }

    [Theory]
    [InlineData("pliro", "EC", "ES256")]
    [InlineData("subrite", "RSA", "RS256")]
    [InlineData("pixelpin", "RSA", "RS256")]
    [InlineData("pipa", "RSA", "RS256")]
    public async Task Jwks_holds_one_public_key_of_the_provider_algorithm(string provider, string kty, string alg)
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pliro:PublishDiscovery"] = "true" });
        using var client = host.NewClient();
        var json = await client.GetStringAsync(StandInHost.JwksPath(provider));
        var key = Assert.Single(new JsonWebKeySet(json).Keys);

        Assert.Equal(kty, key.Kty);
        Assert.Equal(alg, key.Alg);
        Assert.False(key.HasPrivateKey);
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
        if (kty == "EC")
        {
            Assert.Equal("P-256", key.Crv);
        }
    }

    [Fact]
    public async Task Pliro_signing_keys_page_and_pem_publish_the_key_that_signs_id_tokens()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var query = await StandInHost.SignInAsync(browser, "pliro", "pliro-plus");
        var tokens = await host.RedeemAsync("pliro", query["code"]);

        using var client = host.NewClient();
        var pem = await client.GetStringAsync("/dev/pliro/signing-keys.pem");
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/dev/pliro/signing-keys");
        Assert.Contains("BEGIN PUBLIC KEY", page, StringComparison.Ordinal);
        Assert.Contains("Local test provider", page, StringComparison.Ordinal);

        // Configured statically, as Pliro's example does: no JWKS involved.
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(
            tokens.GetProperty("id_token").GetString(),
            new TokenValidationParameters
            {
                ValidIssuer = StandInHost.Issuer("pliro"),
                ValidAudience = StandInHost.ClientId("pliro"),
                IssuerSigningKey = new ECDsaSecurityKey(ecdsa),
                ValidateLifetime = false,
            });
        Assert.True(result.IsValid, result.Exception?.Message);
    }
}
