using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) and where the reader lands afterwards.</summary>
public sealed class SignOutTests
{
    private static string SignOutCallback(Scenario s) => $"{s.Site.BaseUrl}/signout-callback-{Scenario.Key}";

    private static string ProtectedSignOutState(Scenario s, string redirectUri) =>
        s.Site.Services.GetRequiredService<IOptionsMonitor<OidcProviderOptions>>().Get(Scenario.Key)
            .SignOutStateDataFormat.Protect(new AuthenticationProperties { RedirectUri = redirectUri });

    [Fact]
    public async Task Builds_the_end_session_url_with_id_token_hint_client_id_and_post_logout_redirect()
    {
        await using var s = await Scenario.StartAsync();
        await s.AssertSignedInAsync(await s.SignInAsync());

        var page = await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/logout/{Scenario.Key}");

        var request = Assert.Single(s.Provider.EndSessionRequests);
        Assert.Equal(HostileProvider.ClientId, request["client_id"]);
        Assert.Equal("https://rp.test/signout-callback-op", request["post_logout_redirect_uri"]);
        Assert.Equal(3, request["id_token_hint"].ToString().Split('.').Length);
        Assert.False(string.IsNullOrEmpty(request["state"]));
        Assert.Equal("/bye", page.Path);
        Assert.Equal("anonymous", (await s.MeAsync()).Body);
    }

    [Fact]
    public async Task Returns_to_the_page_signed_out_from_when_the_provider_does_not_echo_state()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.EchoSignOutState = false);
        await s.AssertSignedInAsync(await s.SignInAsync());

        var page = await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/logout/{Scenario.Key}");

        Assert.Null(page.Query("state"));
        Assert.Equal("/bye", page.Path);
        Assert.False(s.Browser.HasCookie(SignOutCallback(s), ".PublisherPortal.Oidc.SignOut."), "the return page is forgotten once used");
    }

    [Fact]
    public async Task A_forged_sign_out_cookie_leads_home()
    {
        await using var s = await Scenario.StartAsync();
        s.Browser.Cookies.Add(new Uri(SignOutCallback(s)), new System.Net.Cookie($".PublisherPortal.Oidc.SignOut.{Scenario.Key}", "forged", $"/signout-callback-{Scenario.Key}"));

        var response = await s.Browser.SendAsync(HttpMethod.Get, new Uri(SignOutCallback(s)));

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signs_out_locally_with_a_warning_when_the_provider_has_no_end_session_endpoint()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.PublishEndSession = false);
        await s.AssertSignedInAsync(await s.SignInAsync());

        var page = await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/logout/{Scenario.Key}");

        Assert.Empty(s.Provider.EndSessionRequests);
        Assert.Equal("/bye", page.Path);
        Assert.Equal("anonymous", (await s.MeAsync()).Body);
        Assert.True(s.Site.Logs.Contains(LogLevel.Warning, "no end-session endpoint"), s.Site.Logs.Text);
    }

    [Fact]
    public async Task Sign_out_callback_without_valid_state_goes_home_not_anywhere()
    {
        await using var s = await Scenario.StartAsync();

        var response = await s.Browser.SendAsync(HttpMethod.Get, new Uri($"{SignOutCallback(s)}?state=forged"));

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("https://evil.test/phish")]
    [InlineData("//evil.test/phish")]
    [InlineData("/\\evil.test/phish")]
    [InlineData("/\t/evil.test")]
    public async Task A_valid_sign_out_state_carrying_a_foreign_return_url_still_goes_home(string foreign)
    {
        await using var s = await Scenario.StartAsync();
        var state = ProtectedSignOutState(s, foreign);

        var response = await s.Browser.SendAsync(HttpMethod.Get, new Uri($"{SignOutCallback(s)}?state={Uri.EscapeDataString(state)}"));

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_valid_sign_out_state_with_a_local_page_returns_there()
    {
        await using var s = await Scenario.StartAsync();
        var state = ProtectedSignOutState(s, "/articles/a?x=1");

        var response = await s.Browser.SendAsync(HttpMethod.Get, new Uri($"{SignOutCallback(s)}?state={Uri.EscapeDataString(state)}"));

        Assert.Equal("/articles/a?x=1", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_foreign_return_url_given_to_sign_out_is_replaced_by_the_default_page()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.EchoSignOutState = false);
        await s.AssertSignedInAsync(await s.SignInAsync());

        var page = await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/logout-to/{Scenario.Key}?returnUrl={Uri.EscapeDataString("https://evil.test/")}");

        Assert.Equal(s.Site.BaseUrl + "/", page.Url.GetLeftPart(UriPartial.Path));
    }
}
