using Bunit;
using PublisherPortal.Admin.Pages;

namespace PublisherPortal.Tests.Admin.Components;

/// <summary>The providers page shows, per provider, the exact URIs to register, and its copy buttons put exactly those on the clipboard.</summary>
public sealed class ProvidersPageTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task Each_provider_shows_its_redirect_post_logout_and_back_channel_uris_and_copies_them()
    {
        await using var ctx = new StaffComponentContext(site, await (await site.PersonaAsync("admin")).PrincipalAsync());

        var page = ctx.Render<ProvidersPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".provider-status").Count));
        var pliro = page.Find(".provider-status[data-provider=pliro]");
        Assert.Equal(
            [PortalFactory.BaseUrl + "/signin-pliro", PortalFactory.BaseUrl + "/signout-callback-pliro", PortalFactory.BaseUrl + "/backchannel-logout/pliro"],
            pliro.QuerySelectorAll("code[data-uri]").Select(c => c.TextContent.Trim()).ToArray());
        Assert.Contains("settings (PEM)", pliro.QuerySelector(".provider-keys")!.TextContent);

        page.Find("button[aria-label='Copy the redirect uri of Pliro Test']").Click();

        var copied = ctx.JSInterop.VerifyInvoke("navigator.clipboard.writeText");
        Assert.Equal(PortalFactory.BaseUrl + "/signin-pliro", copied.Arguments[0]);
    }
}
