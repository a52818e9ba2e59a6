using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).</summary>
public sealed class SignOutTests
{
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
    public async Task Signs_out_locally_when_the_provider_has_no_end_session_endpoint()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.PublishEndSession = false);
        await s.AssertSignedInAsync(await s.SignInAsync());

        var page = await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/logout/{Scenario.Key}");

        Assert.Empty(s.Provider.EndSessionRequests);
        Assert.Equal("/bye", page.Path);
        Assert.Equal("anonymous", (await s.MeAsync()).Body);
    }

    [Fact]
    public async Task Sign_out_callback_without_valid_state_goes_home_not_anywhere()
    {
        await using var s = await Scenario.StartAsync();

        var response = await s.Browser.SendAsync(HttpMethod.Get, new Uri($"{s.Site.BaseUrl}/signout-callback-{Scenario.Key}?state=forged"));

        Assert.Equal("/", response.Headers.Location!.ToString());
    }
}
