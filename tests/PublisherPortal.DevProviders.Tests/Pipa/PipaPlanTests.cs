using System.Net;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Pipa;

public sealed class PipaPlanTests
{
    [Fact]
    public async Task Changing_the_plan_shows_in_the_next_refreshed_id_token()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var first = await host.RedeemAsync("pipa", (await StandInHost.SignInAsync(browser, "pipa", "pipa-upgrader"))["code"]);
        var before = await host.ValidateAsync("pipa", first.GetProperty("id_token").GetString()!);
        Assert.False(before.TryGetPayloadValue<string>("pipa_plan", out _));

        var page = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pipa/plans"));
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=offer]")!.GetAttribute("value") == "plus");
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(form.GetAttribute("action")!, fields)).StatusCode);

        using var client = host.NewClient();
        var refreshed = await client.SendAsync(StandInHost.TokenRequest("pipa", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = first.GetProperty("refresh_token").GetString()! }));
        var body = System.Text.Json.JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        var after = await host.ValidateAsync("pipa", body.GetProperty("id_token").GetString()!);
        Assert.Equal("plus", after.GetPayloadValue<string>("pipa_plan"));
    }
}
