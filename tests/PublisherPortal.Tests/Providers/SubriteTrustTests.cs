using System.Net;
using PublisherPortal.Articles;

namespace PublisherPortal.Tests.Providers;

/// <summary>
/// Subrite's member API "only returns active subscriptions" (docs/providers/subrite.md): every subscription it lists
/// opens what it is mapped to, whatever its undocumented <c>status</c> word and whether <c>expiresAt</c> is future,
/// past (as in Subrite's own sample) or null. Both answers of each stand-in switch are covered.
/// </summary>
public sealed class SubriteTrustTests
{
    [Theory]
    [InlineData("active", "Future")]
    [InlineData("current", "Future")]
    [InlineData("active", "None")]
    [InlineData("paid", "Past")]
    public async Task A_subscription_the_member_api_lists_opens_its_tier_whatever_its_status_word_and_expiry(string status, string expiry)
    {
        using var site = new PortalFactory(PortalSetup.StandIns
            .With("DevProviders:subrite:ActiveStatus", status)
            .With("DevProviders:subrite:Expiry", expiry));
        var premium = site.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var browser = new StandInBrowser(site);

        var (response, url) = await browser.NavigateAsync(
            $"/account/login?provider=subrite&returnUrl={Uri.EscapeDataString("/articles/" + premium.Slug)}", reader: "subrite-premium");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/articles/" + premium.Slug, url.AbsolutePath);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(site.Demo.GatedSentences[premium.Slug], page);
        Assert.Null(Html.Parse(page).QuerySelector(".paywall"));
    }

    [Fact]
    public async Task A_subscription_that_reaches_its_expiry_during_the_session_is_re_read_at_once_not_lost_until_plans_are_stale()
    {
        using var site = new PortalFactory(PortalSetup.Offline);
        var premium = site.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        site.MemberApi.Profile("tok-renews", FakeMemberApi.ProfileJson("Re New", "re.new@subrite.test",
            (102, "Premium", "active", site.Now.AddMinutes(10))));
        var reader = await site.SignInAsync("subrite", "sub-renews", accessToken: "tok-renews");
        reader.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        Assert.Contains(site.Demo.GatedSentences[premium.Slug], (await reader.GetPageAsync($"/articles/{premium.Slug}")).Body);

        // Subrite renewed it: the API now lists it with next year's end. Plans are 11 minutes old, far from MaxPlanAge.
        site.MemberApi.Profile("tok-renews", FakeMemberApi.ProfileJson("Re New", "re.new@subrite.test",
            (102, "Premium", "active", site.Now.AddYears(1))));
        site.Clock.Advance(TimeSpan.FromMinutes(11));
        var calls = site.MemberApi.Calls;

        var (_, page, document) = await reader.GetPageAsync($"/articles/{premium.Slug}");

        Assert.Equal(calls + 1, site.MemberApi.Calls);
        Assert.Contains(site.Demo.GatedSentences[premium.Slug], page);
        Assert.Null(document.QuerySelector(".paywall"));
    }
}
