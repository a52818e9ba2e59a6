using System.Net;

namespace PublisherPortal.Tests.Providers;

/// <summary>
/// The return from a provider's shop (<c>portal_refresh=1</c>) redirects to the page without the marker: only ever a
/// page of this site, whatever path the request carried.
/// </summary>
public sealed class PlanRefreshRedirectTests(StandInFactory site) : IClassFixture<StandInFactory>
{
    private static readonly Uri NetworkPathRequest = new(PortalFactory.BaseUrl + "//evil.example/?portal_refresh=1");

    [Fact]
    public async Task An_anonymous_return_to_a_network_path_stays_on_this_site()
    {
        var response = await site.CreateReader().GetAsync(NetworkPathRequest);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_return_to_a_network_path_comes_back_to_this_site_after_the_silent_sign_in()
    {
        var browser = new StandInBrowser(site);
        await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=%2F", reader: "pliro-premium");

        var (response, url) = await browser.NavigateAsync(NetworkPathRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri(PortalFactory.BaseUrl).Host, url.Host);
        Assert.Equal("/", url.AbsolutePath);
    }

    [Fact]
    public async Task The_marker_is_dropped_and_the_rest_of_the_query_kept()
    {
        var response = await site.CreateReader().GetAsync("/sections/news?after=abc&portal_refresh=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sections/news?after=abc", response.Headers.Location!.OriginalString);
    }
}
