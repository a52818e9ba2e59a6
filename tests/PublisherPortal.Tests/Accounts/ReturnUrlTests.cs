using System.Net;

namespace PublisherPortal.Tests.Accounts;

/// <summary>
/// Every redirect after sign-in and sign-out goes through the one local-URL rule: a foreign target lands on the
/// front page, and a target with characters a Location header cannot carry arrives percent-encoded, never as a 500.
/// </summary>
public sealed class ReturnUrlTests(StandInFactory site) : IClassFixture<StandInFactory>
{
    public static TheoryData<string> ForeignTargets => new() { "https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example/" };

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task A_sign_in_asked_to_return_to_another_site_returns_to_the_front_page(string target)
    {
        var browser = new StandInBrowser(site);

        var (response, url) = await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=" + Uri.EscapeDataString(target), reader: "pliro-premium");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri(PortalFactory.BaseUrl).Host, url.Host);
        Assert.Equal("/", url.AbsolutePath);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task A_sign_in_returns_to_the_local_page_it_was_asked_for()
    {
        var browser = new StandInBrowser(site);

        var (_, url) = await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=%2Fsections%2Fnews%3Fafter%3Dx", reader: "pliro-plus");

        Assert.Equal("/sections/news?after=x", url.PathAndQuery);
    }

    [Theory]
    [InlineData("/\u3002x", "/%E3%80%82x")]
    [InlineData("/\uFF0F\uFF0Fx", "/%EF%BC%8F%EF%BC%8Fx")]
    public async Task A_sign_in_to_a_non_ascii_path_arrives_percent_encoded(string target, string expected)
    {
        var browser = new StandInBrowser(site);

        var (response, url) = await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=" + Uri.EscapeDataString(target), reader: "pliro-plus");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // no such page, and no server error
        Assert.Equal(expected, url.AbsolutePath);
        Assert.True(await browser.IsSignedInAsync());
    }
}
