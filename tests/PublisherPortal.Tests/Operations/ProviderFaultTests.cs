using System.Diagnostics;
using System.Net;
using PublisherPortal.Testing;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// Faults at the providers: discovery, keys, token endpoint or member API down or slow. Sign-in ends on an error
/// page that names the provider; signed-in readers keep reading; no answer is a 5xx.
/// </summary>
public sealed class ProviderFaultTests
{
    private const string Discovery = "/.well-known/openid-configuration";

    [Theory]
    [InlineData("down")]
    [InlineData("slow")]
    public async Task Sign_in_at_a_provider_whose_discovery_is_down_or_slow_ends_on_a_page_naming_it(string fault)
    {
        var provider = fault == "down" ? new ScriptedProvider().Down(Discovery) : new ScriptedProvider().Slow(Discovery);
        using var portal = new PortalFactory(HealthTests.WithAcme(provider));
        using var browser = portal.NewBrowser();
        var clock = Stopwatch.StartNew();

        var page = await FollowAsync(browser, "/account/login?provider=acme");

        Assert.Contains("Sign-in with Acme did not complete", page);
        Assert.Contains("had a problem on its side", page);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the reader waited {clock.Elapsed}"); // BackchannelTimeout is 2 s here
    }

    [Theory]
    [InlineData("down")]
    [InlineData("slow")]
    public async Task A_token_endpoint_down_or_slow_ends_the_sign_in_on_a_page_naming_the_provider(string fault)
    {
        var provider = fault == "down" ? new ScriptedProvider().Down("/token", HttpStatusCode.BadGateway) : new ScriptedProvider().Slow("/token");
        using var portal = new PortalFactory(PortalSetup.Offline.With("Providers:pliro:BackchannelTimeout", "00:00:02") with { ProviderBackchannel = provider });
        using var browser = portal.NewBrowser();
        var start = await browser.GetAsync("/account/login?provider=pliro&returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"]!;

        // The provider sends the reader back with a code; redeeming it is what fails.
        var page = await FollowAsync(browser, "/signin-pliro?code=a-code&state=" + Uri.EscapeDataString(state));

        Assert.Equal(1, provider.Calls("/token"));
        Assert.Contains("Sign-in with Pliro Test did not complete", page);
        Assert.Contains("had a problem on its side", page);
    }

    [Fact]
    public async Task Signed_in_readers_keep_reading_while_every_provider_endpoint_is_down()
    {
        var provider = new ScriptedProvider(); // answers 404 to everything
        using var portal = new PortalFactory(PortalSetup.Offline with { ProviderBackchannel = provider });
        portal.MemberApi.Profile("at-1", FakeMemberApi.ProfileJson("Ada", "ada@example.test", (102, "Premium", "active", portal.Now.AddDays(30))));
        var reader = await portal.SignInAsync("subrite", "sub-1", accessToken: "at-1");
        var story = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        Assert.DoesNotContain("data-reason=", await reader.GetStringAsync($"/articles/{story.Slug}"));

        portal.MemberApi.Fails("at-1", HttpStatusCode.ServiceUnavailable);
        // Plans are stale after an hour and the member API cannot say: the last known plan counts for its grace.
        portal.Clock.Advance(TimeSpan.FromHours(2));
        var response = await reader.GetAsync($"/articles/{story.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-reason=", await response.Content.ReadAsStringAsync());
        Assert.True(portal.MemberApi.Calls > 0);

        // A slow member API costs a page at most Entitlements:MemberApiTimeout (300 ms here), never an error.
        portal.MemberApi.Hangs("at-1");
        portal.Clock.Advance(TimeSpan.FromHours(2));
        var slow = await reader.GetAsync($"/articles/{story.Slug}");
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
    }

    /// <summary>Follows redirects inside the site as a browser would; fails on any 5xx on the way.</summary>
    private static async Task<string> FollowAsync(TestBrowser browser, string url)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var response = await browser.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }

            url = response.Headers.Location!.ToString();
        }

        throw new InvalidOperationException("too many redirects");
    }
}
