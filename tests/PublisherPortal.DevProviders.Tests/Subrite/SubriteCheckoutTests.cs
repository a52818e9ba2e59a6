using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Subrite;

public sealed class SubriteCheckoutTests
{
    private const string Completed = "http://localhost:5080/articles/big-story?checkout=done";
    private const string Cancelled = "http://localhost:5080/articles/big-story";

    private static string CheckoutUrl(string completed = Completed, string cancelled = Cancelled) =>
        StandInHost.Url("/dev/subrite/checkout", new Dictionary<string, string?>
        {
            ["package"] = "101",
            ["reference"] = "big-story",
            ["onCheckoutCompletedUrl"] = completed,
            ["callBackUrl"] = cancelled,
        });

    [Fact]
    public async Task Buying_activates_the_package_and_returns_to_onCheckoutCompletedUrl()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var token = await SubriteMemberApiTests.AccessTokenAsync(host, browser, "subrite-upgrader");

        var page = await TestBrowser.ParseAsync(await browser.GetAsync(CheckoutUrl()));
        Assert.Contains("big-story", page.Body!.TextContent, StringComparison.Ordinal);
        var response = await browser.SubmitAsync(page, "action", "buy");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Completed, response.Headers.Location!.ToString());
        var body = JsonDocument.Parse(await (await SubriteMemberApiTests.MemberAsync(host, token)).Content.ReadAsStringAsync()).RootElement;
        var subscription = Assert.Single(body.GetProperty("subscriptions").EnumerateArray());
        Assert.Equal(101, subscription.GetProperty("packageId").GetInt32());
        Assert.Equal("Plus", subscription.GetProperty("packageName").GetString());
    }

    [Fact]
    public async Task Cancelling_returns_to_callBackUrl_and_buys_nothing()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var token = await SubriteMemberApiTests.AccessTokenAsync(host, browser, "subrite-upgrader");

        var response = await browser.SubmitAsync(await TestBrowser.ParseAsync(await browser.GetAsync(CheckoutUrl())), "action", "cancel");

        Assert.Equal(Cancelled, response.Headers.Location!.ToString());
        var body = JsonDocument.Parse(await (await SubriteMemberApiTests.MemberAsync(host, token)).Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(body.GetProperty("subscriptions").EnumerateArray());
    }

    [Fact]
    public async Task Return_urls_on_other_hosts_are_not_followed()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await SubriteMemberApiTests.AccessTokenAsync(host, browser, "subrite-upgrader");
        var url = CheckoutUrl("http://evil.example/done", "https://evil.example/cancel");

        var bought = await browser.SubmitAsync(await TestBrowser.ParseAsync(await browser.GetAsync(url)), "action", "buy");
        var cancelled = await browser.SubmitAsync(await TestBrowser.ParseAsync(await browser.GetAsync(url)), "action", "cancel");

        Assert.Equal(HttpStatusCode.OK, bought.StatusCode);
        Assert.Null(bought.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Null(cancelled.Headers.Location);
    }

    [Fact]
    public async Task A_signed_out_reader_signs_in_first_and_lands_back_on_the_checkout()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var url = CheckoutUrl();

        var page = await TestBrowser.ParseAsync(await browser.GetAsync(url));
        Assert.Empty(page.QuerySelectorAll("button[name=action]"));
        var signedIn = await browser.SubmitAsync(page, "reader", "subrite-upgrader");

        Assert.Equal(url, signedIn.Headers.Location!.ToString());
        var checkout = await TestBrowser.ParseAsync(await browser.GetAsync(url));
        Assert.Single(checkout.QuerySelectorAll("button[name=action][value=buy]").OfType<IHtmlButtonElement>());
    }

    [Fact]
    public async Task Session_end_signs_out_and_redirects_to_the_registered_post_logout_uri()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await StandInHost.SignInAsync(browser, "subrite", "subrite-plus");

        var response = await browser.GetAsync("/dev/subrite/api/oidc/session/end?client_id=portal-dev-subrite&post_logout_redirect_uri="
            + Uri.EscapeDataString("http://localhost:5080/signout-callback-subrite"));
        StandInHost.RedirectQuery(response, "http://localhost:5080/signout-callback-subrite");

        var silent = StandInHost.AuthorizeParameters("subrite");
        silent["prompt"] = "none";
        var after = await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath("subrite"), silent));
        Assert.Equal("login_required", StandInHost.RedirectQuery(after, StandInHost.RedirectUri("subrite"))["error"]);
    }

    [Fact]
    public async Task Session_end_never_redirects_to_an_unregistered_uri()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var response = await browser.GetAsync("/dev/subrite/api/oidc/session/end?client_id=portal-dev-subrite&post_logout_redirect_uri="
            + Uri.EscapeDataString("http://evil.example/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
