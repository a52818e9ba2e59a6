using System.Net;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Pliro;

public sealed class PliroLogoutTests
{
    private const string BackchannelEvent = "http://schemas.openid.net/event/backchannel-logout";

    private static async Task<Microsoft.IdentityModel.JsonWebTokens.JsonWebToken> SignInAsync(StandInHost host, TestBrowser browser, string reader = "pliro-plus")
    {
        var code = (await StandInHost.SignInAsync(browser, "pliro", reader))["code"];
        return await host.ValidateAsync("pliro", (await host.RedeemAsync("pliro", code)).GetProperty("id_token").GetString()!);
    }

    private static async Task<HttpResponseMessage> SignOutAtPliroAsync(TestBrowser browser)
    {
        var account = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pliro/account"));
        var button = account.QuerySelector("form[action='/dev/pliro/account/sign-out'] button")!;
        Assert.Equal("Sign out at Pliro", button.TextContent);
        var token = account.QuerySelector("form[action='/dev/pliro/account/sign-out'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.PostFormAsync("/dev/pliro/account/sign-out", [new("__RequestVerificationToken", token)]);
    }

    [Fact]
    public async Task Signing_out_at_Pliro_posts_a_signed_logout_token_to_the_portal_backchannel_uri()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var idToken = await SignInAsync(host, browser);

        var page = await SignOutAtPliroAsync(browser);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("answered 200", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sent = Assert.Single(host.Backchannel.Requests);
        Assert.Equal(new Uri("http://localhost:5080/backchannel-logout/pliro"), sent.Uri);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.False(sent.HadCookie);

        var logout = await host.ValidateAsync("pliro", sent.Form["logout_token"], validateLifetime: false);
        Assert.Equal("logout+jwt", logout.Typ);
        Assert.Equal("ES256", logout.Alg);
        Assert.Equal(StandInHost.Issuer("pliro"), logout.Issuer);
        Assert.Equal([StandInHost.ClientId("pliro")], logout.Audiences);
        Assert.Equal(idToken.Subject, logout.Subject);
        Assert.Equal(idToken.GetPayloadValue<string>("sid"), logout.GetPayloadValue<string>("sid"));
        // Pliro's documented checks name neither jti nor exp: by default the stand-in sends neither.
        Assert.False(logout.TryGetPayloadValue<string>("jti", out _));
        Assert.False(logout.TryGetPayloadValue<long>("exp", out _));
        Assert.True(logout.IssuedAt <= host.Clock.GetUtcNow().UtcDateTime);
        Assert.False(logout.TryGetPayloadValue<string>("nonce", out _));
        var events = logout.GetPayloadValue<System.Text.Json.JsonElement>("events");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, events.GetProperty(BackchannelEvent).ValueKind);
    }

    [Fact]
    public async Task After_signing_out_at_Pliro_silent_reauthentication_answers_login_required()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await SignInAsync(host, browser);
        await SignOutAtPliroAsync(browser);

        var parameters = StandInHost.AuthorizeParameters("pliro");
        parameters["prompt"] = "none";
        var response = await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath("pliro"), parameters));

        Assert.Equal("login_required", StandInHost.RedirectQuery(response, StandInHost.RedirectUri("pliro"))["error"]);
    }

    [Fact]
    public async Task With_the_spec_switch_logout_tokens_carry_jti_and_exp()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pliro:LogoutTokenJti"] = "true" });
        using var browser = host.NewBrowser();
        await SignInAsync(host, browser);

        await SignOutAtPliroAsync(browser);

        var logout = await host.ValidateAsync("pliro", Assert.Single(host.Backchannel.Requests).Form["logout_token"]);
        Assert.False(string.IsNullOrEmpty(logout.Id));
        Assert.True(logout.ValidTo > host.Clock.GetUtcNow().UtcDateTime);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("true", "bye")]
    public async Task End_session_with_a_valid_id_token_hint_signs_out_and_redirects_to_the_registered_uri_echoing_state_only_when_switched_on(string? echo, string? expectedState)
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pliro:EchoSignOutState"] = echo });
        using var browser = host.NewBrowser();
        var idToken = await SignInAsync(host, browser);

        var response = await browser.GetAsync(StandInHost.Url("/dev/pliro/oauth/end_session", new Dictionary<string, string?>
        {
            ["client_id"] = StandInHost.ClientId("pliro"),
            ["id_token_hint"] = idToken.EncodedToken,
            ["post_logout_redirect_uri"] = "http://localhost:5080/signout-callback-pliro",
            ["state"] = "bye",
        }));

        var query = StandInHost.RedirectQuery(response, "http://localhost:5080/signout-callback-pliro");
        Assert.Equal(expectedState, query.GetValueOrDefault("state"));
        Assert.Single(host.Backchannel.Requests);
        var silent = StandInHost.AuthorizeParameters("pliro");
        silent["prompt"] = "none";
        var after = await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath("pliro"), silent));
        Assert.Equal("login_required", StandInHost.RedirectQuery(after, StandInHost.RedirectUri("pliro"))["error"]);
    }

    [Fact]
    public async Task End_session_without_a_valid_hint_asks_the_customer_to_confirm()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await SignInAsync(host, browser);

        var response = await browser.GetAsync(StandInHost.Url("/dev/pliro/oauth/end_session", new Dictionary<string, string?>
        {
            ["client_id"] = StandInHost.ClientId("pliro"),
            ["id_token_hint"] = "forged.token.value",
            ["post_logout_redirect_uri"] = "http://localhost:5080/signout-callback-pliro",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Backchannel.Requests);

        var page = await TestBrowser.ParseAsync(response);
        var form = page.QuerySelector("form")!;
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var confirmed = await browser.PostFormAsync(form.GetAttribute("action")!, fields);

        StandInHost.RedirectQuery(confirmed, "http://localhost:5080/signout-callback-pliro");
        Assert.Single(host.Backchannel.Requests);
    }

    [Fact]
    public async Task End_session_never_redirects_to_an_unregistered_uri()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var idToken = await SignInAsync(host, browser);

        var response = await browser.GetAsync(StandInHost.Url("/dev/pliro/oauth/end_session", new Dictionary<string, string?>
        {
            ["client_id"] = StandInHost.ClientId("pliro"),
            ["id_token_hint"] = idToken.EncodedToken,
            ["post_logout_redirect_uri"] = "http://evil.example/after",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_session_that_signed_no_application_in_sends_no_notification()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var login = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pliro/login"));
        await browser.SubmitAsync(login, "reader", "pliro-free");

        var page = await SignOutAtPliroAsync(browser);

        Assert.Contains("none was notified", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Backchannel.Requests);
    }
}
