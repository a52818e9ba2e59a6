using System.Net;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class AuthorizationCodeTests
{
    private static async Task<(HttpStatusCode Status, string? Error)> RedeemAsync(StandInHost host, HttpRequestMessage request)
    {
        using var client = host.NewClient();
        var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.TryGetProperty("error", out var e) ? e.GetString() : null);
    }

    [Theory]
    [InlineData("pliro", "pliro-plus")]
    [InlineData("subrite", "subrite-plus")]
    [InlineData("pixelpin", "pixelpin-paula")]
    [InlineData("pipa", "pipa-plus")]
    public async Task A_code_works_once_and_its_second_use_is_invalid_grant(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, provider, reader))["code"];

        Assert.Equal((HttpStatusCode.OK, null), await RedeemAsync(host, StandInHost.CodeRequest(provider, code)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), await RedeemAsync(host, StandInHost.CodeRequest(provider, code)));
    }

    [Theory]
    [InlineData("pliro", "pliro-plus", 55, 65)]
    [InlineData("pixelpin", "pixelpin-paula", 55, 65)]
    [InlineData("pipa", "pipa-plus", 55, 65)]
    [InlineData("subrite", "subrite-plus", 9 * 60, 11 * 60)]
    public async Task A_code_expires_after_the_provider_lifetime(string provider, string reader, int stillValidSeconds, int expiredSeconds)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var fresh = (await StandInHost.SignInAsync(browser, provider, reader))["code"];
        var stale = (await StandInHost.SignInAsync(browser, provider, reader, p => p["prompt"] = "login"))["code"];

        host.Clock.Advance(TimeSpan.FromSeconds(stillValidSeconds));
        Assert.Equal((HttpStatusCode.OK, null), await RedeemAsync(host, StandInHost.CodeRequest(provider, fresh)));
        host.Clock.Advance(TimeSpan.FromSeconds(expiredSeconds - stillValidSeconds));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), await RedeemAsync(host, StandInHost.CodeRequest(provider, stale)));
    }

    [Theory]
    [InlineData("pliro", "pliro-plus")]
    [InlineData("pixelpin", "pixelpin-paula")]
    public async Task A_token_request_with_another_redirect_uri_is_invalid_grant(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, provider, reader))["code"];
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = StandInHost.PortalBase + "/elsewhere" };

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), await RedeemAsync(host, StandInHost.TokenRequest(provider, fields)));
    }

    [Fact]
    public async Task PixelPin_requires_the_redirect_uri_in_the_token_request()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "pixelpin", "pixelpin-paula"))["code"];
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), await RedeemAsync(host, StandInHost.TokenRequest("pixelpin", fields)));
    }

    [Fact]
    public async Task PiPA_accepts_the_documented_token_request_without_redirect_uri()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "pipa", "pipa-plus"))["code"];
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };

        Assert.Equal((HttpStatusCode.OK, null), await RedeemAsync(host, StandInHost.TokenRequest("pipa", fields)));
    }

    [Fact]
    public async Task An_unknown_grant_type_is_unsupported_grant_type()
    {
        await using var host = await StandInHost.StartAsync();
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };

        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_grant_type"), await RedeemAsync(host, StandInHost.TokenRequest("pipa", fields)));
    }
}
