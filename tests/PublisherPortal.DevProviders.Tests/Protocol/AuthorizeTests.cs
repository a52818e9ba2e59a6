using System.Net;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class AuthorizeTests
{
    private static async Task<HttpResponseMessage> AuthorizeAsync(TestBrowser browser, string provider, Action<Dictionary<string, string?>> adjust)
    {
        var parameters = StandInHost.AuthorizeParameters(provider);
        adjust(parameters);
        return await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath(provider), parameters));
    }

    [Theory]
    [InlineData("pliro")]
    [InlineData("subrite")]
    [InlineData("pixelpin")]
    [InlineData("pipa")]
    public async Task An_unknown_client_id_gets_an_error_page_and_never_a_redirect(string provider)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var response = await AuthorizeAsync(browser, provider, p => p["client_id"] = "someone-else");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Local test provider", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pliro", "http://evil.example/signin-pliro")]
    [InlineData("subrite", "http://localhost:5080/signin-subrite?extra=1")]
    [InlineData("pixelpin", "http://localhost:5080/signin-pixelpin/other")]
    [InlineData("pipa", "http://localhost:5080/signin-other")]
    public async Task A_redirect_uri_that_does_not_match_gets_an_error_page_and_never_a_redirect(string provider, string redirectUri)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var response = await AuthorizeAsync(browser, provider, p => p["redirect_uri"] = redirectUri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("pliro", "pliro-plus")]
    [InlineData("pipa", "pipa-plus")]
    public async Task Pliro_and_PiPA_accept_extra_query_parameters_on_the_redirect_uri_and_keep_them(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var extended = StandInHost.RedirectUri(provider) + "?flow=checkout";
        var query = await StandInHost.SignInAsync(browser, provider, reader, p => p["redirect_uri"] = extended);

        Assert.Equal("checkout", query["flow"]);
        Assert.Equal("st-1", query["state"]);
        Assert.True(query.ContainsKey("code"));
    }

    [Theory]
    [InlineData("pliro")]
    [InlineData("subrite")]
    [InlineData("pixelpin")]
    [InlineData("pipa")]
    public async Task Prompt_none_without_a_provider_session_answers_login_required_with_the_state(string provider)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var response = await AuthorizeAsync(browser, provider, p => p["prompt"] = "none");
        var query = StandInHost.RedirectQuery(response, StandInHost.RedirectUri(provider));

        Assert.Equal("login_required", query["error"]);
        Assert.Equal("st-1", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Theory]
    [InlineData("pliro", "pliro-plus")]
    [InlineData("subrite", "subrite-plus")]
    [InlineData("pixelpin", "pixelpin-paula")]
    [InlineData("pipa", "pipa-plus")]
    public async Task Prompt_none_with_a_provider_session_answers_silently_with_a_code(string provider, string reader)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await StandInHost.SignInAsync(browser, provider, reader);

        var response = await AuthorizeAsync(browser, provider, p => { p["prompt"] = "none"; p["state"] = "silent"; });
        var query = StandInHost.RedirectQuery(response, StandInHost.RedirectUri(provider));

        Assert.Equal("silent", query["state"]);
        Assert.Equal(HttpStatusCode.OK, (await host.NewClient().SendAsync(StandInHost.CodeRequest(provider, query["code"]))).StatusCode);
    }

    [Fact]
    public async Task Prompt_login_shows_the_sign_in_page_even_with_a_provider_session()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        await StandInHost.SignInAsync(browser, "pixelpin", "pixelpin-paula");

        var silent = await AuthorizeAsync(browser, "pixelpin", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, silent.StatusCode);
        var forced = await AuthorizeAsync(browser, "pixelpin", p => p["prompt"] = "login");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("Choose the test reader", await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pliro")]
    [InlineData("subrite")]
    [InlineData("pixelpin")]
    [InlineData("pipa")]
    public async Task The_sign_in_page_is_labelled_as_a_local_test_provider_and_lists_the_test_readers(string provider)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var page = await TestBrowser.ParseAsync(await AuthorizeAsync(browser, provider, _ => { }));

        Assert.Contains("Local test provider — not the real", page.QuerySelector(".dev-banner")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelectorAll("button[name=reader]").Length >= 2);
        Assert.NotNull(page.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var page = await TestBrowser.ParseAsync(await AuthorizeAsync(browser, "pliro", _ => { }));
        var request = page.QuerySelector("input[name=request]")!.GetAttribute("value")!;

        var response = await browser.PostFormAsync("/dev/pliro/sign-in", [new("request", request), new("reader", "pliro-plus")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("pliro", "scope", "email profile", "invalid_scope")]
    [InlineData("pliro", "scope", "openid payments", "invalid_scope")]
    [InlineData("pliro", "response_type", "token", "unsupported_response_type")]
    [InlineData("subrite", "scope", "offline_access", "invalid_scope")]
    [InlineData("pipa", "nonce", null, "invalid_request")]
    [InlineData("pixelpin", "prompt", "login consent", "invalid_request")]
    [InlineData("pixelpin", "prompt", "select_account", "invalid_request")]
    [InlineData("pixelpin", "scope", "profile", "invalid_scope")]
    public async Task Other_errors_redirect_back_with_error_and_state(string provider, string parameter, string? value, string error)
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var response = await AuthorizeAsync(browser, provider, p => p[parameter] = value);
        var query = StandInHost.RedirectQuery(response, StandInHost.RedirectUri(provider));

        Assert.Equal(error, query["error"]);
        Assert.False(string.IsNullOrEmpty(query["error_description"]));
        Assert.Equal("st-1", query["state"]);
    }

    [Fact]
    public async Task PiPA_allows_a_plain_oauth_request_without_nonce_and_then_issues_no_id_token()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var query = await StandInHost.SignInAsync(browser, "pipa", "pipa-plus", p => { p["scope"] = "email"; p["nonce"] = null; });
        var body = await host.RedeemAsync("pipa", query["code"]);

        Assert.False(body.TryGetProperty("id_token", out _));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
    }
}
