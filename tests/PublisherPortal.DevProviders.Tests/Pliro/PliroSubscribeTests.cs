using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Pliro;

public sealed class PliroSubscribeTests
{
    private const string Article = "http://localhost:5080/articles/big-story?subscribed=1";

    [Fact]
    public async Task Subscribing_changes_the_plan_and_returns_to_an_allow_listed_continue_url()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "pliro", "pliro-upgrader"))["code"];
        var accessToken = (await host.RedeemAsync("pliro", code)).GetProperty("access_token").GetString()!;
        Assert.False((await UserInfoAsync(host, accessToken)).TryGetProperty("plan", out _));

        var page = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pliro/subscribe?continue_url=" + Uri.EscapeDataString(Article) + "&email=ulla.upgrade%40pliro.test"));
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=offer]")!.GetAttribute("value") == "digital-premium-yearly");
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var response = await browser.PostFormAsync(form.GetAttribute("action")!, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Article, response.Headers.Location!.ToString());
        var info = await UserInfoAsync(host, accessToken);
        Assert.Equal("premium", info.GetProperty("plan").GetString());
        Assert.Equal(["premium"], info.GetProperty("plan_slugs").EnumerateArray().Select(e => e.GetString()));

        // The silent re-authentication the portal runs on return now carries the new plan in the ID token.
        var silent = StandInHost.AuthorizeParameters("pliro");
        silent["prompt"] = "none";
        var again = StandInHost.RedirectQuery(await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath("pliro"), silent)), StandInHost.RedirectUri("pliro"));
        var idToken = await host.ValidateAsync("pliro", (await host.RedeemAsync("pliro", again["code"])).GetProperty("id_token").GetString()!);
        Assert.Equal("premium", idToken.GetPayloadValue<string>("plan"));
    }

    [Fact]
    public async Task A_continue_url_on_another_host_is_not_followed()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await StandInHost.SignInAsync(browser, "pliro", "pliro-upgrader");

        var page = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pliro/offers/digital-plus-monthly/subscribe?continue_url=" + Uri.EscapeDataString("http://evil.example/x")));
        Assert.Contains("not on the allow-list", page.Body!.TextContent, StringComparison.Ordinal);
        var form = Assert.Single(page.QuerySelectorAll("form"));
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var response = await browser.PostFormAsync(form.GetAttribute("action")!, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Extra_allowed_return_hosts_come_from_settings()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:AllowedReturnHosts:0"] = "news.example.test" });
        using var browser = host.NewBrowser();
        await StandInHost.SignInAsync(browser, "pliro", "pliro-upgrader");

        var page = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pliro/offers/digital-plus-monthly/subscribe?continue_url=" + Uri.EscapeDataString("https://news.example.test/a")));
        var form = Assert.Single(page.QuerySelectorAll("form"));
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var response = await browser.PostFormAsync(form.GetAttribute("action")!, fields);

        Assert.Equal("https://news.example.test/a", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_subscribe_page_asks_a_signed_out_reader_to_sign_in_first_and_comes_back()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var path = "/dev/pliro/offers/digital-premium-yearly/subscribe?continue_url=" + Uri.EscapeDataString(Article);
        var page = await TestBrowser.ParseAsync(await browser.GetAsync(path));

        var signedIn = await browser.SubmitAsync(page, "reader", "pliro-upgrader");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(path, signedIn.Headers.Location!.ToString());
        var offer = await TestBrowser.ParseAsync(await browser.GetAsync(path));
        Assert.Contains("Subscribe to Premium", offer.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_page_links_to_its_subscribe_page_keeping_continue_url_and_unknown_offers_are_404()
    {
        await using var host = await StandInHost.StartAsync();
        using var client = host.NewClient();
        var page = await TestBrowser.ParseAsync(await client.GetAsync("/dev/pliro/offers/digital-plus-monthly?continue_url=" + Uri.EscapeDataString(Article)));
        var link = page.QuerySelector("main a")!.GetAttribute("href")!;

        Assert.StartsWith("/dev/pliro/offers/digital-plus-monthly/subscribe?continue_url=", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/pliro/offers/gold")).StatusCode);
        // Offers are not plans: there is no offer page named after a plan slug.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/pliro/offers/premium")).StatusCode);
    }

    private static async Task<JsonElement> UserInfoAsync(StandInHost host, string accessToken)
    {
        using var client = host.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/dev/pliro/oauth/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
    }
}
