using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Articles;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.Tests.Providers;

/// <summary>
/// Pliro plans are refreshed through Pliro's documented userinfo update (<c>plan</c>, <c>plan_slugs</c>) with the
/// session's access token, in place and without a redirect; a refused token falls back to a silent re-authentication;
/// an unreachable Pliro keeps what the session knows. Against the Pliro stand-in, through the real relying party.
/// </summary>
public sealed class PliroUserInfoRefreshTests : IDisposable
{
    private readonly StandInFactory _site = new();

    private ReaderDirectory StandInReaders => _site.Services.GetRequiredService<ReaderDirectory>();

    private Article Premium => _site.LiveGated().First(a => a.MinimumTier?.Slug == "premium");

    private async Task<StandInBrowser> SignedInAsync(string reader)
    {
        var browser = new StandInBrowser(_site);
        await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=%2Faccount", reader);
        Assert.True(await browser.IsSignedInAsync());
        return browser;
    }

    [Fact]
    public async Task After_checkout_the_new_plan_is_read_from_userinfo_and_the_reader_goes_straight_to_the_story()
    {
        var browser = await SignedInAsync("pliro-upgrader");
        Assert.Equal("", await browser.PlansShownAsync());
        StandInReaders.ChangePlan("pliro-upgrader", new PlanOffer("premium", "Premium", ""));

        var back = await browser.GetAsync($"/articles/{Premium.Slug}?portal_refresh=1");

        // No round trip to Pliro: the session was updated in place.
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/articles/{Premium.Slug}", back.Headers.Location!.OriginalString);
        var (story, _) = await browser.NavigateAsync($"/articles/{Premium.Slug}");
        Assert.Contains(_site.Demo.GatedSentences[Premium.Slug], await story.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stale_plans_are_re_read_from_userinfo_on_the_page_the_reader_asked_for()
    {
        var browser = await SignedInAsync("pliro-upgrader");
        StandInReaders.ChangePlan("pliro-upgrader", new PlanOffer("plus", "Plus", ""));
        _site.Clock.Advance(TimeSpan.FromMinutes(61)); // past Entitlements:MaxPlanAge; Pliro's token (two hours) still good

        var page = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<code>plus</code>", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_access_token_falls_back_to_a_silent_re_authentication()
    {
        var browser = await SignedInAsync("pliro-upgrader");
        StandInReaders.ChangePlan("pliro-upgrader", new PlanOffer("premium", "Premium", ""));
        _site.Clock.Advance(TimeSpan.FromHours(3)); // Pliro's access token has expired: userinfo answers 401

        var page = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var location = page.Headers.Location!;
        Assert.Equal("/dev/pliro/oauth/authorize", location.AbsolutePath);
        Assert.Equal("none", System.Web.HttpUtility.ParseQueryString(location.Query)["prompt"]);
        var (_, landed) = await browser.NavigateAsync(new Uri(new Uri(PortalFactory.BaseUrl), location));
        Assert.Equal("/account", landed.AbsolutePath);
        Assert.Equal("premium", await browser.PlansShownAsync());
    }

    [Fact]
    public async Task An_unreachable_pliro_keeps_what_the_session_knows_and_sends_nobody_to_pliro()
    {
        var browser = await SignedInAsync("pliro-plus");
        StandInReaders.ChangePlan("pliro-plus", new PlanOffer("premium", "Premium", ""));
        _site.Outage!.TakeDown("/oauth/userinfo");

        var back = await browser.GetAsync($"/articles/{Premium.Slug}?portal_refresh=1");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/articles/{Premium.Slug}", back.Headers.Location!.OriginalString);
        Assert.Equal("plus", await browser.PlansShownAsync());
    }

    [Fact]
    public async Task A_profile_of_another_customer_never_becomes_this_readers_plans()
    {
        // Someone else's valid access token ends up in this reader's session.
        var premium = await SignedInAsync("pliro-premium");
        var othersToken = await (await premium.GetAsync(TestSignIn.AccessTokenPath)).Content.ReadAsStringAsync();
        var reader = await _site.SignInAsync("pliro", "cus_dev0000000000001", accessToken: othersToken);

        var back = await reader.GetAsync($"/articles/{Premium.Slug}?portal_refresh=1");

        // The profile names another subject: nothing is taken from it, and Pliro is asked afresh instead.
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/dev/pliro/oauth/authorize", back.Headers.Location!.AbsolutePath);
        var (_, account, _) = await reader.GetPageAsync("/account");
        Assert.DoesNotContain("<code>premium</code>", account);
    }

    public void Dispose() => _site.Dispose();
}
