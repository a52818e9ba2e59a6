using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.Entitlements;

using PublisherPortal.Providers;

namespace PublisherPortal.Tests.Providers;

/// <summary>
/// Plans change at the provider without the reader coming back through checkout (a renewal lapses, support upgrades
/// them): plans older than Entitlements:MaxPlanAge (1 hour by default) are re-read on the next page.
/// </summary>
public sealed class StalePlanTests : IDisposable
{
    private static readonly TimeSpan MaxPlanAge = TimeSpan.FromHours(1);
    private readonly StandInFactory _site = new();

    private ReaderDirectory StandInReaders => _site.Services.GetRequiredService<ReaderDirectory>();

    private static async Task<string> PlansShownAsync(StandInBrowser browser)
    {
        var (response, url) = await browser.NavigateAsync("/account");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account", url.AbsolutePath);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        return string.Join(",", document.QuerySelectorAll(".plan-keys code").Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_pliro_readers_new_plan_arrives_from_userinfo_once_the_old_one_is_stale()
    {
        var browser = new StandInBrowser(_site);
        await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=%2Faccount", reader: "pliro-upgrader");
        Assert.Equal("", await PlansShownAsync(browser));

        StandInReaders.ChangePlan("pliro-upgrader", new PlanOffer("premium", "Premium", ""));
        _site.Clock.Advance(MaxPlanAge - TimeSpan.FromMinutes(1));
        Assert.Equal("", await PlansShownAsync(browser)); // still fresh enough: no round trip

        _site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("premium", await PlansShownAsync(browser));
    }

    [Fact]
    public async Task A_subrite_readers_new_subscription_arrives_from_the_member_api_on_the_same_page()
    {
        var browser = new StandInBrowser(_site);
        await browser.NavigateAsync("/account/login?provider=subrite&returnUrl=%2Faccount", reader: "subrite-upgrader");
        Assert.Equal("", await PlansShownAsync(browser));

        StandInReaders.Activate("subrite-upgrader", new PlanOffer("102", "Premium", ""));
        // Two hours on, the access token (1 hour at Subrite) has expired too: it is renewed with the refresh token first.
        _site.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal("102,Premium", await PlansShownAsync(browser)); // plan keys: packageId and packageName

        // Subrite rotates refresh tokens: the session must have kept the new one through the plan update, or the
        // next renewal is refused and the reader is signed out.
        StandInReaders.Activate("subrite-upgrader", new PlanOffer("101", "Plus", ""));
        _site.Clock.Advance(TimeSpan.FromHours(2));
        browser.Expire(PlanRefreshMiddleware.AttemptCookie);
        Assert.Equal("101,102,Plus,Premium", await PlansShownAsync(browser));
    }

    public void Dispose() => _site.Dispose();
}
