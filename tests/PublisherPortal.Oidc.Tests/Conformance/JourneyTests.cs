using System.Net;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>Sign-in journeys as a browser holds them: how many may be pending, and where a finished one may lead.</summary>
public sealed class JourneyTests
{
    private static async Task<Uri> StartJourneyAsync(Scenario s)
    {
        var login = await s.Browser.SendAsync(HttpMethod.Get, new Uri($"{s.Site.BaseUrl}/login/{Scenario.Key}"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.Location!;
    }

    private static int CorrelationCookies(Scenario s) =>
        s.Browser.Cookies.GetCookies(new Uri($"{s.Site.BaseUrl}/signin-{Scenario.Key}"))
            .Count(c => c.Name.StartsWith($".AspNetCore.Correlation.{Scenario.Key}.", StringComparison.Ordinal));

    [Fact]
    public async Task Abandoned_sign_ins_leave_at_most_five_correlation_cookies_and_the_oldest_stop_working()
    {
        await using var s = await Scenario.StartAsync();
        var journeys = new List<Uri>();
        for (var i = 0; i < 12; i++)
        {
            journeys.Add(await StartJourneyAsync(s));
        }

        Assert.Equal(CorrelationCookieLimit, CorrelationCookies(s));

        var oldest = await s.Browser.NavigateAsync(journeys[0].ToString());
        Assert.Equal(OidcErrorCodes.CorrelationFailed, oldest.Query("error"));
        await s.AssertSignedInAsync(await s.Browser.NavigateAsync(journeys[^1].ToString()));
        Assert.Equal(CorrelationCookieLimit - 1, CorrelationCookies(s));
    }

    [Fact]
    public async Task Several_sign_ins_started_in_tabs_each_still_complete()
    {
        await using var s = await Scenario.StartAsync();
        var first = await StartJourneyAsync(s);
        var second = await StartJourneyAsync(s);

        await s.AssertSignedInAsync(await s.Browser.NavigateAsync(second.ToString()));
        await s.AssertSignedInAsync(await s.Browser.NavigateAsync(first.ToString()));
        Assert.Equal(0, CorrelationCookies(s));
    }

    [Fact]
    public async Task A_tampered_journey_index_cookie_is_ignored_rather_than_turned_into_cookie_names()
    {
        await using var s = await Scenario.StartAsync();
        // More entries than the cap, so the oldest would be dropped, i.e. turned into cookie names to delete.
        var tampered = string.Join('.', Enumerable.Range(0, 7).Select(i => $"x{i}%0d%0aSet-Cookie:%20a=b"));
        s.Browser.Cookies.Add(new Uri(s.Site.BaseUrl), new Cookie($".PublisherPortal.Oidc.Journeys.{Scenario.Key}", tampered, "/"));

        var journey = await StartJourneyAsync(s);

        await s.AssertSignedInAsync(await s.Browser.NavigateAsync(journey.ToString()));
        Assert.DoesNotContain(s.Browser.Cookies.GetAllCookies(), c => c.Name.Contains("short", StringComparison.Ordinal) || c.Name == "a");
    }

    [Theory]
    [InlineData("https://evil.test/")]
    [InlineData("//evil.test/")]
    [InlineData("/\\evil.test/")]
    public async Task After_sign_in_the_reader_is_sent_only_to_a_page_of_this_site(string returnUrl)
    {
        await using var s = await Scenario.StartAsync();

        var page = await s.Browser.NavigateAsync($"{s.Site.BaseUrl}/login-to/{Scenario.Key}?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(new Uri(s.Site.BaseUrl).Authority, page.Url.Authority);
        Assert.Equal("/", page.Path);
        Assert.Equal("home", page.Body);
    }

    private const int CorrelationCookieLimit = 5;
}
