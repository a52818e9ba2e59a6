using System.Net;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>The callback: state, correlation, replay, RFC 9207 issuer and provider errors.</summary>
public sealed class AuthorizationResponseTests
{
    /// <summary>Walks the browser to the provider and returns the callback URL without visiting it.</summary>
    private static async Task<Uri> CallbackUrlAsync(Scenario s, TestBrowser browser)
    {
        var login = await browser.SendAsync(HttpMethod.Get, new Uri($"{s.Site.BaseUrl}/login/{Scenario.Key}"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorize = await browser.SendAsync(HttpMethod.Get, login.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return authorize.Headers.Location!;
    }

    [Fact]
    public async Task Refuses_response_whose_state_was_changed()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.StateOverride = "forged-state");

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidState);
        Assert.Empty(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Refuses_response_without_state()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.StateOverride = "");

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidState);
    }

    [Fact]
    public async Task Refuses_response_delivered_to_another_browser()
    {
        await using var s = await Scenario.StartAsync();
        var callback = await CallbackUrlAsync(s, s.Browser);

        // Login CSRF: the attacker's response lands in the victim's browser, which has no correlation cookie.
        var victim = s.Site.NewBrowser(s.Provider);
        var page = await victim.NavigateAsync(callback.ToString());

        Assert.Equal(OidcErrorCodes.CorrelationFailed, page.Query("error"));
        Assert.False(victim.HasCookie(s.Site.BaseUrl, RelyingParty.AuthCookie));
        Assert.Empty(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Refuses_replay_of_a_completed_response_in_the_same_browser()
    {
        await using var s = await Scenario.StartAsync();
        var callback = await CallbackUrlAsync(s, s.Browser);
        var first = await s.Browser.NavigateAsync(callback.ToString());
        await s.AssertSignedInAsync(first);

        var replay = await s.Browser.NavigateAsync(callback.ToString());

        Assert.Equal("/account/error", replay.Path);
        Assert.Equal(OidcErrorCodes.CorrelationFailed, replay.Query("error"));
        Assert.Single(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Refuses_replay_of_state_even_with_a_copied_correlation_cookie()
    {
        await using var s = await Scenario.StartAsync();
        var callback = await CallbackUrlAsync(s, s.Browser);
        var callbackPath = new Uri($"{s.Site.BaseUrl}/signin-{Scenario.Key}");
        var correlation = s.Browser.Cookies.GetCookies(callbackPath)
            .Single(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        await s.AssertSignedInAsync(await s.Browser.NavigateAsync(callback.ToString()));

        var attacker = s.Site.NewBrowser(s.Provider);
        attacker.Cookies.Add(new Uri(s.Site.BaseUrl), new Cookie(correlation.Name, correlation.Value, correlation.Path));
        var replay = await attacker.NavigateAsync(callback.ToString());

        Assert.Equal(OidcErrorCodes.StateReplayed, replay.Query("error"));
        Assert.False(attacker.HasCookie(s.Site.BaseUrl, RelyingParty.AuthCookie));
        Assert.Single(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Shows_an_error_when_the_provider_refuses_a_replayed_code()
    {
        await using var s = await Scenario.StartAsync();
        var callback = await CallbackUrlAsync(s, s.Browser);
        await s.AssertSignedInAsync(await s.Browser.NavigateAsync(callback.ToString()));
        var usedCode = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["code"].ToString();

        s.Provider.Behaviour.CodeOverride = usedCode;
        var other = s.Site.NewBrowser(s.Provider);
        var page = await other.NavigateAsync($"{s.Site.BaseUrl}/login/{Scenario.Key}");

        Assert.Equal("/account/error", page.Path);
        Assert.Equal("invalid_grant", page.Query("error"));
        Assert.False(other.HasCookie(s.Site.BaseUrl, RelyingParty.AuthCookie));
        Assert.Equal(2, s.Provider.TokenRequests.Count);
    }

    [Fact]
    public async Task Refuses_response_whose_iss_parameter_names_another_provider()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.IssParameterOverride = "https://attacker.test");

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.IssuerMismatch);
        Assert.Empty(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Refuses_response_without_iss_parameter_when_the_provider_advertises_it()
    {
        await using var s = await Scenario.StartAsync(arrange: p =>
        {
            p.Behaviour.AdvertiseIssParameter = true;
            p.Behaviour.SendIssParameter = false;
        });

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.IssuerMissing);
        Assert.Empty(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Accepts_response_without_iss_parameter_when_the_provider_does_not_advertise_it()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.SendIssParameter = false);

        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public async Task Reports_access_denied_by_its_code_and_keeps_the_providers_text_out_of_the_page()
    {
        await using var s = await Scenario.StartAsync(arrange: p =>
        {
            p.Behaviour.AuthorizeError = "access_denied";
            p.Behaviour.AuthorizeErrorDescription = "The reader declined.";
        });

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, "access_denied");
        Assert.DoesNotContain("declined", page.Url.ToString(), StringComparison.Ordinal);
        s.AssertLogged("The reader declined.");
        Assert.Empty(s.Provider.TokenRequests);
    }

    [Fact]
    public async Task Keeps_login_required_from_a_silent_sign_in()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.AuthorizeError = "login_required");

        var page = await s.SignInAsync("?prompt=none");

        Assert.Equal("none", s.Provider.AuthorizeRequests.Single()["prompt"]);
        await s.AssertRefusedAsync(page, "login_required");
    }

    [Fact]
    public async Task Makes_provider_error_text_inert_in_the_page_and_the_log()
    {
        await using var s = await Scenario.StartAsync(arrange: p =>
        {
            p.Behaviour.AuthorizeError = "<script>x</script>";
            p.Behaviour.AuthorizeErrorDescription = "line1\r\nSet-Cookie: x=y" + new string('a', 1000);
        });

        var page = await s.SignInAsync();

        Assert.Equal("invalid_error", page.Query("error"));
        Assert.Null(page.Query("description"));
        var logged = Assert.Single(s.Site.Logs.Entries, e => e.Category.StartsWith("PublisherPortal.Oidc", StringComparison.Ordinal) && e.Message.Contains("line1", StringComparison.Ordinal)).Message;
        Assert.DoesNotContain('\n', logged);
        Assert.DoesNotContain("<script>", logged, StringComparison.Ordinal);
        Assert.True(logged.Length < 500, logged);
    }

    [Fact]
    public async Task Refuses_a_callback_with_a_parameter_sent_twice()
    {
        await using var s = await Scenario.StartAsync();
        var callback = await CallbackUrlAsync(s, s.Browser);

        var page = await s.Browser.NavigateAsync(callback + "&code=second");

        Assert.Equal("/account/error", page.Path);
        Assert.False(s.Browser.HasCookie(s.Site.BaseUrl, RelyingParty.AuthCookie));
        Assert.Empty(s.Provider.TokenRequests);
    }
}
