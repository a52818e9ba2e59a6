using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Subrite;

public sealed class SubriteMemberApiTests
{
    public const string MemberApi = "/dev/subrite/api/v1/members/profile/info-with-active-subscriptions";

    public static async Task<string> AccessTokenAsync(StandInHost host, TestBrowser browser, string reader)
    {
        var code = (await StandInHost.SignInAsync(browser, "subrite", reader))["code"];
        return (await host.RedeemAsync("subrite", code)).GetProperty("access_token").GetString()!;
    }

    public static async Task<HttpResponseMessage> MemberAsync(StandInHost host, string? accessToken)
    {
        using var client = host.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, MemberApi);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_member_api_answers_in_the_documented_shape_with_only_active_subscriptions()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var response = await MemberAsync(host, await AccessTokenAsync(host, browser, "subrite-premium"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1003", body.GetProperty("id").GetString());
        Assert.Equal("Prem Ium", body.GetProperty("fullName").GetString());
        Assert.Equal("prem.ium@subrite.test", body.GetProperty("email").GetString());
        Assert.StartsWith("+47", body.GetProperty("phone").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("memberNumber").ValueKind);
        foreach (var field in new[] { "line1", "city", "postCode", "postOffice", "country", "name", "email" })
        {
            Assert.True(body.GetProperty("address").TryGetProperty(field, out _), field);
        }

        var subscription = Assert.Single(body.GetProperty("subscriptions").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, subscription.GetProperty("subscriptionId").ValueKind);
        Assert.Equal(102, subscription.GetProperty("packageId").GetInt32());
        Assert.Equal("Premium", subscription.GetProperty("packageName").GetString());
        Assert.Equal("active", subscription.GetProperty("status").GetString());
        foreach (var date in new[] { "createdAt", "activatedAt", "expiresAt" })
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", subscription.GetProperty(date).GetString());
        }

        Assert.Equal(JsonValueKind.Array, subscription.GetProperty("subscriptionProducts").ValueKind);
        Assert.True(subscription.GetProperty("subscriptionProducts")[0].TryGetProperty("name", out _));
        Assert.Equal(JsonValueKind.Object, subscription.GetProperty("customPropertyValues").ValueKind);
    }

    [Theory]
    [InlineData("subrite-expired")]
    [InlineData("subrite-none")]
    public async Task Readers_without_an_active_subscription_get_an_empty_list(string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var body = JsonDocument.Parse(await (await MemberAsync(host, await AccessTokenAsync(host, browser, reader))).Content.ReadAsStringAsync()).RootElement;

        Assert.Empty(body.GetProperty("subscriptions").EnumerateArray());
    }

    [Fact]
    public async Task The_member_api_requires_a_valid_bearer_access_token()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var token = await AccessTokenAsync(host, browser, "subrite-plus");

        Assert.Equal(HttpStatusCode.Unauthorized, (await MemberAsync(host, null)).StatusCode);
        var forged = await MemberAsync(host, "forged");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("invalid_token", forged.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await MemberAsync(host, token)).StatusCode);
    }

    [Fact]
    public async Task A_pliro_access_token_does_not_open_the_subrite_member_api()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "pliro", "pliro-plus"))["code"];
        var pliroToken = (await host.RedeemAsync("pliro", code)).GetProperty("access_token").GetString();

        Assert.Equal(HttpStatusCode.Unauthorized, (await MemberAsync(host, pliroToken)).StatusCode);
    }

    [Theory]
    [InlineData("paid", "None", null)]
    [InlineData(null, "Past", "past")]
    public async Task Active_subscriptions_are_still_returned_whatever_status_word_and_expiry_they_show(string? status, string expiry, string? expect)
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:subrite:ActiveStatus"] = status, ["DevProviders:subrite:Expiry"] = expiry });
        using var browser = host.NewBrowser();
        var response = await MemberAsync(host, await AccessTokenAsync(host, browser, "subrite-premium"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var subscription = Assert.Single(body.GetProperty("subscriptions").EnumerateArray());
        Assert.Equal(status ?? "active", subscription.GetProperty("status").GetString());
        var expiresAt = subscription.GetProperty("expiresAt");
        if (expect is null)
        {
            Assert.Equal(JsonValueKind.Null, expiresAt.ValueKind);
        }
        else
        {
            Assert.True(DateTimeOffset.Parse(expiresAt.GetString()!, System.Globalization.CultureInfo.InvariantCulture) < host.Clock.GetUtcNow());
        }

        // Still only the active ones: the expired reader's subscription is never listed.
        var expired = await MemberAsync(host, await AccessTokenAsync(host, host.NewBrowser(), "subrite-expired"));
        Assert.Empty(JsonDocument.Parse(await expired.Content.ReadAsStringAsync()).RootElement.GetProperty("subscriptions").EnumerateArray());
    }
}
