using System.Net;

namespace PublisherPortal.Tests.Providers;

/// <summary>prompt=none round trips against the Pliro stand-in, through the real relying party.</summary>
public sealed class SilentReauthenticationTests : IClassFixture<StandInFactory>
{
    private readonly StandInFactory _site;

    public SilentReauthenticationTests(StandInFactory site) => _site = site;

    [Fact]
    public async Task A_reader_still_signed_in_at_the_provider_comes_back_signed_in_without_seeing_a_page()
    {
        var browser = new StandInBrowser(_site);
        await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=%2F", reader: "pliro-premium");
        Assert.True(await browser.IsSignedInAsync());

        var (response, url) = await browser.NavigateAsync(TestSignIn.SilentPath + "?provider=pliro&returnUrl=%2Fsections%2Fnews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/sections/news", url.AbsolutePath);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task A_reader_signed_out_at_the_provider_is_signed_out_here_and_returned_to_the_page()
    {
        var browser = new StandInBrowser(_site);
        await browser.NavigateAsync("/account/login?provider=pliro&returnUrl=%2F", reader: "pliro-plus");
        Assert.True(await browser.IsSignedInAsync());
        browser.ForgetProviderSession("pliro");

        var (response, url) = await browser.NavigateAsync(TestSignIn.SilentPath + "?provider=pliro&returnUrl=%2Fsections%2Fnews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/sections/news", url.AbsolutePath); // not the sign-in error page
        Assert.False(await browser.IsSignedInAsync());
    }
}
