using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>Two providers on one site: a response for one can never complete at the other (RFC 9207, mix-up).</summary>
public sealed class MixUpTests
{
    private static async Task<(HostileProvider a, HostileProvider b, RelyingParty site)> StartAsync()
    {
        var a = await HostileProvider.StartAsync("https://op-a.test");
        var b = await HostileProvider.StartAsync("https://op-b.test");
        var settings = RelyingParty.SettingsFor("a", a);
        foreach (var pair in RelyingParty.SettingsFor("b", b)) settings[pair.Key] = pair.Value;
        var site = await RelyingParty.StartAsync(new Dictionary<string, HostileProvider> { ["a"] = a, ["b"] = b }, settings);
        return (a, b, site);
    }

    [Fact]
    public async Task Refuses_a_response_at_provider_a_that_names_provider_b_as_issuer()
    {
        var (a, b, site) = await StartAsync();
        await using var _ = site;
        await using var __ = a;
        await using var ___ = b;
        a.Behaviour.IssParameterOverride = b.Issuer;
        var browser = site.NewBrowser(a, b);

        var page = await browser.NavigateAsync(site.BaseUrl + "/login/a");

        Assert.Equal("/account/error", page.Path);
        Assert.Equal("a", page.Query("provider"));
        Assert.Equal(OidcErrorCodes.IssuerMismatch, page.Query("error"));
        Assert.Empty(a.TokenRequests);
        Assert.Empty(b.TokenRequests);
        Assert.False(browser.HasCookie(site.BaseUrl, RelyingParty.AuthCookie));
    }

    [Fact]
    public async Task Refuses_provider_a_response_delivered_to_provider_b_callback()
    {
        var (a, b, site) = await StartAsync();
        await using var _ = site;
        await using var __ = a;
        await using var ___ = b;
        var browser = site.NewBrowser(a, b);
        var login = await browser.SendAsync(HttpMethod.Get, new Uri(site.BaseUrl + "/login/a"));
        var authorize = await browser.SendAsync(HttpMethod.Get, login.Headers.Location!);
        var callbackAtB = authorize.Headers.Location!.ToString().Replace("/signin-a", "/signin-b", StringComparison.Ordinal);

        var page = await browser.NavigateAsync(callbackAtB);

        Assert.Equal("/account/error", page.Path);
        Assert.Equal("b", page.Query("provider"));
        Assert.Equal(OidcErrorCodes.InvalidState, page.Query("error"));
        Assert.Empty(a.TokenRequests);
        Assert.Empty(b.TokenRequests);
        Assert.False(browser.HasCookie(site.BaseUrl, RelyingParty.AuthCookie));
    }

    [Fact]
    public async Task Signs_in_at_each_provider_with_its_own_issuer()
    {
        var (a, b, site) = await StartAsync();
        await using var _ = site;
        await using var __ = a;
        await using var ___ = b;

        var pageA = await site.NewBrowser(a, b).NavigateAsync(site.BaseUrl + "/login/a");
        var pageB = await site.NewBrowser(a, b).NavigateAsync(site.BaseUrl + "/login/b");

        Assert.Contains("iss=https://op-a.test", pageA.Body);
        Assert.Contains("provider=a", pageA.Body);
        Assert.Contains("iss=https://op-b.test", pageB.Body);
        Assert.Contains("provider=b", pageB.Body);
    }
}
