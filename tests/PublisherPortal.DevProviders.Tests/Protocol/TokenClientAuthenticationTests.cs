using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class TokenClientAuthenticationTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(StandInHost host, HttpRequestMessage request)
    {
        using var client = host.NewClient();
        var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, response);
    }

    private static async Task<string> CodeAsync(StandInHost host, string provider, string reader)
    {
        using var browser = host.NewBrowser();
        return (await StandInHost.SignInAsync(browser, provider, reader))["code"];
    }

    [Fact]
    public async Task Pliro_accepts_http_basic_and_answers_with_created_at_and_no_refresh_token_or_expires_in()
    {
        await using var host = await StandInHost.StartAsync();
        var (status, body, _) = await SendAsync(host, StandInHost.CodeRequest("pliro", await CodeAsync(host, "pliro", "pliro-plus")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("openid email profile", body.GetProperty("scope").GetString());
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), body.GetProperty("created_at").GetInt64());
        Assert.True(body.TryGetProperty("id_token", out _));
        Assert.False(body.TryGetProperty("refresh_token", out _));
        Assert.False(body.TryGetProperty("expires_in", out _));
    }

    [Fact]
    public async Task Pliro_refuses_credentials_in_the_body_with_401_invalid_client()
    {
        await using var host = await StandInHost.StartAsync();
        var code = await CodeAsync(host, "pliro", "pliro-plus");
        var request = new HttpRequestMessage(HttpMethod.Post, StandInHost.TokenPath("pliro"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = StandInHost.RedirectUri("pliro"),
                ["client_id"] = StandInHost.ClientId("pliro"),
                ["client_secret"] = StandInHost.Secret("pliro"),
            }),
        };
        var (status, body, response) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Pliro_refuses_a_wrong_secret_in_basic()
    {
        await using var host = await StandInHost.StartAsync();
        var request = StandInHost.CodeRequest("pliro", await CodeAsync(host, "pliro", "pliro-plus"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("portal-dev-pliro:wrong")));
        var (status, body, _) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("subrite", "subrite-plus")]
    [InlineData("pixelpin", "pixelpin-paula")]
    [InlineData("pipa", "pipa-plus")]
    public async Task Client_secret_post_providers_accept_credentials_in_the_body(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        var (status, body, _) = await SendAsync(host, StandInHost.CodeRequest(provider, await CodeAsync(host, provider, reader)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    [Theory]
    [InlineData("subrite", "subrite-plus")]
    [InlineData("pixelpin", "pixelpin-paula")]
    [InlineData("pipa", "pipa-plus")]
    public async Task Client_secret_post_providers_refuse_http_basic_with_invalid_client(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        var code = await CodeAsync(host, provider, reader);
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = StandInHost.RedirectUri(provider), ["code_verifier"] = StandInHost.Verifier };
        var request = new HttpRequestMessage(HttpMethod.Post, StandInHost.TokenPath(provider)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{StandInHost.ClientId(provider)}:{StandInHost.Secret(provider)}")));
        var (status, body, _) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_body_secret_is_invalid_client()
    {
        await using var host = await StandInHost.StartAsync();
        var code = await CodeAsync(host, "pixelpin", "pixelpin-paula");
        var request = new HttpRequestMessage(HttpMethod.Post, StandInHost.TokenPath("pixelpin"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = StandInHost.RedirectUri("pixelpin"),
                ["client_id"] = StandInHost.ClientId("pixelpin"), ["client_secret"] = "not-the-secret",
            }),
        };
        var (status, body, _) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Client_credentials_can_be_overridden_in_settings()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pixelpin:ClientSecret"] = "another-secret" });
        var code = await CodeAsync(host, "pixelpin", "pixelpin-paula");
        var (status, _, _) = await SendAsync(host, StandInHost.CodeRequest("pixelpin", code));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
