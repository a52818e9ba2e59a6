using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class UserInfoTests
{
    private static async Task<string> AccessTokenAsync(StandInHost host, string provider, string reader, Action<Dictionary<string, string?>>? adjust = null)
    {
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, provider, reader, adjust))["code"];
        return (await host.RedeemAsync(provider, code)).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> GetAsync(StandInHost host, string path, string token)
    {
        using var client = host.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Pliro_userinfo_returns_sub_email_name_plan_and_plan_slugs()
    {
        await using var host = await StandInHost.StartAsync();
        var response = await GetAsync(host, "/dev/pliro/oauth/userinfo", await AccessTokenAsync(host, "pliro", "pliro-plus"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("cus_", body.GetProperty("sub").GetString(), StringComparison.Ordinal);
        Assert.Equal("per.plus@pliro.test", body.GetProperty("email").GetString());
        Assert.Equal("Per Plus", body.GetProperty("name").GetString());
        Assert.Equal("plus", body.GetProperty("plan").GetString());
        Assert.Equal(["plus"], body.GetProperty("plan_slugs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PixelPin_userinfo_is_exactly_the_documented_email_firstName_and_numeric_id()
    {
        await using var host = await StandInHost.StartAsync();
        var response = await GetAsync(host, "/dev/pixelpin/connect/userinfo", await AccessTokenAsync(host, "pixelpin", "pixelpin-pierre"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(["email", "firstName", "id"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, body.GetProperty("id").ValueKind);
        Assert.Equal(7700000000000000002L, body.GetProperty("id").GetInt64());
        Assert.Equal("Pierre", body.GetProperty("firstName").GetString());
        Assert.Equal("pierre.pixel@pixelpin.test", body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task PixelPin_userinfo_in_plugin_shape_adds_sub_and_the_profile_claims_with_address_as_a_json_string()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pixelpin:UserInfoShape"] = "Plugin" });
        var response = await GetAsync(host, "/dev/pixelpin/connect/userinfo", await AccessTokenAsync(host, "pixelpin", "pixelpin-pierre"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("7700000000000000002", body.GetProperty("sub").GetString());
        Assert.Equal(7700000000000000002L, body.GetProperty("id").GetInt64());
        Assert.Equal("pierre.pixel@pixelpin.test", body.GetProperty("email").GetString());
        Assert.Equal("Pierre", body.GetProperty("firstName").GetString());
        Assert.Equal("Pierre", body.GetProperty("given_name").GetString());
        Assert.Equal("Pixel", body.GetProperty("family_name").GetString());
        Assert.Equal("Pierre Pixel", body.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("address").ValueKind);
        Assert.Equal("NO", JsonDocument.Parse(body.GetProperty("address").GetString()!).RootElement.GetProperty("country").GetString());
        Assert.False(body.TryGetProperty("plan", out _));
    }

    [Fact]
    public async Task PixelPin_userinfo_accepts_the_access_token_as_a_posted_form_field()
    {
        await using var host = await StandInHost.StartAsync();
        var token = await AccessTokenAsync(host, "pixelpin", "pixelpin-paula");
        using var client = host.NewClient();
        var response = await client.PostAsync("/dev/pixelpin/connect/userinfo", new FormUrlEncodedContent([new("access_token", token)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("paula.pin@pixelpin.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var elsewhere = await client.PostAsync("/dev/pliro/oauth/userinfo", new FormUrlEncodedContent([new("access_token", token)]));
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task PiPA_userinfo_returns_the_pairwise_sub_and_the_plan_claim()
    {
        await using var host = await StandInHost.StartAsync();
        var response = await GetAsync(host, "/dev/pipa/auth/userinfo", await AccessTokenAsync(host, "pipa", "pipa-plus"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.NotEqual("pipa-user-2", body.GetProperty("sub").GetString());
        Assert.Equal("plus", body.GetProperty("pipa_plan").GetString());
    }

    [Theory]
    [InlineData("pliro", "pliro-plus", "/dev/pliro/oauth/userinfo", 2 * 60 + 1)]
    [InlineData("pipa", "pipa-plus", "/dev/pipa/auth/userinfo", 6)]
    [InlineData("subrite", "subrite-plus", "/dev/subrite/api/oidc/me", 61)]
    public async Task An_expired_access_token_gets_401_invalid_token(string provider, string reader, string path, int minutesLater)
    {
        await using var host = await StandInHost.StartAsync();
        var token = await AccessTokenAsync(host, provider, reader);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, path, token)).StatusCode);

        host.Clock.Advance(TimeSpan.FromMinutes(minutesLater));
        var response = await GetAsync(host, path, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_gets_401_invalid_token_and_a_missing_one_a_bare_challenge()
    {
        await using var host = await StandInHost.StartAsync();
        var unknown = await GetAsync(host, "/dev/pliro/oauth/userinfo", "not-a-token");
        using var client = host.NewClient();
        var missing = await client.GetAsync("/dev/pliro/oauth/userinfo");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("invalid_token", unknown.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.DoesNotContain("error=", missing.Headers.WwwAuthenticate.Single().Parameter ?? "", StringComparison.Ordinal);
    }
}
