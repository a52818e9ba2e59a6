using System.Net;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class RefreshTokenTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(StandInHost host, string provider, string refreshToken)
    {
        using var client = host.NewClient();
        var response = await client.SendAsync(StandInHost.TokenRequest(provider, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Theory]
    [InlineData("subrite", "subrite-plus")]
    [InlineData("pipa", "pipa-plus")]
    public async Task Refresh_tokens_rotate_and_the_old_one_is_then_refused(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var first = await host.RedeemAsync(provider, (await StandInHost.SignInAsync(browser, provider, reader))["code"]);
        var original = first.GetProperty("refresh_token").GetString()!;

        var (status, second) = await RefreshAsync(host, provider, original);
        Assert.Equal(HttpStatusCode.OK, status);
        var rotated = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(original, rotated);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());

        var (reuseStatus, reuse) = await RefreshAsync(host, provider, original);
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(host, provider, rotated)).Status);
    }

    [Fact]
    public async Task A_refreshed_id_token_keeps_auth_time_and_drops_the_nonce()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var first = await host.RedeemAsync("pipa", (await StandInHost.SignInAsync(browser, "pipa", "pipa-plus"))["code"]);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var (_, second) = await RefreshAsync(host, "pipa", first.GetProperty("refresh_token").GetString()!);

        var original = await host.ValidateAsync("pipa", first.GetProperty("id_token").GetString()!, validateLifetime: false);
        var refreshed = await host.ValidateAsync("pipa", second.GetProperty("id_token").GetString()!);
        Assert.Equal(original.GetPayloadValue<long>("auth_time"), refreshed.GetPayloadValue<long>("auth_time"));
        Assert.Equal("n-1", original.GetPayloadValue<string>("nonce"));
        Assert.False(refreshed.TryGetPayloadValue<string>("nonce", out _));
    }

    [Fact]
    public async Task Subrite_issues_no_refresh_token_without_offline_access()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "subrite", "subrite-plus", p => p["scope"] = "openid"))["code"];
        var body = await host.RedeemAsync("subrite", code);

        Assert.False(body.TryGetProperty("refresh_token", out _));
    }

    [Theory]
    [InlineData("pliro", "pliro-plus")]
    [InlineData("pixelpin", "pixelpin-paula")]
    public async Task Providers_without_refresh_tokens_issue_none_and_refuse_the_grant(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var body = await host.RedeemAsync(provider, (await StandInHost.SignInAsync(browser, provider, reader))["code"]);
        Assert.False(body.TryGetProperty("refresh_token", out _));

        var (status, error) = await RefreshAsync(host, provider, body.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PixelPin_access_tokens_last_thirty_days()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var body = await host.RedeemAsync("pixelpin", (await StandInHost.SignInAsync(browser, "pixelpin", "pixelpin-paula"))["code"]);

        Assert.Equal(30 * 24 * 3600, body.GetProperty("expires_in").GetInt64());
    }
}
