using System.Net;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Subrite;

public sealed class SubritePkceTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("plain", "use-the-challenge")]
    [InlineData("S256", null)]
    public async Task Authorize_without_an_S256_challenge_redirects_back_with_invalid_request(string? method, string? challenge)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var parameters = StandInHost.AuthorizeParameters("subrite");
        parameters["code_challenge_method"] = method;
        parameters["code_challenge"] = challenge == "use-the-challenge" ? parameters["code_challenge"] : challenge;

        var response = await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath("subrite"), parameters));
        var query = StandInHost.RedirectQuery(response, StandInHost.RedirectUri("subrite"));

        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("st-1", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-verifier-wrong-verifier-wrong-verifier-wrong")]
    public async Task Token_request_with_a_missing_or_wrong_verifier_is_invalid_grant(string? verifier)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "subrite", "subrite-plus"))["code"];
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };
        if (verifier is not null)
        {
            fields["code_verifier"] = verifier;
        }

        using var client = host.NewClient();
        var response = await client.SendAsync(StandInHost.TokenRequest("subrite", fields));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_request_with_the_right_verifier_gets_the_documented_response()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "subrite", "subrite-plus"))["code"];
        var body = await host.RedeemAsync("subrite", code);

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id_token").GetString()));
        Assert.Contains("offline_access", body.GetProperty("scope").GetString(), StringComparison.Ordinal);
    }
}
