using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc;

namespace PublisherPortal.DevProviders.Tests.RelyingParty;

/// <summary>
/// Our relying party, configured from the documents alone, signs in at each stand-in answering as its provider
/// documents (and with each guess switched the other way), on a base URL other than 5080.
/// </summary>
public sealed class DocumentedSignInTests
{
    [Theory]
    [InlineData("pliro", "pliro-premium", "sub=cus_dev0000000000003", "plan=premium")]
    [InlineData("subrite", "subrite-plus", "sub=1002", "provider=subrite")]
    [InlineData("pixelpin", "pixelpin-paula", "sub=7700000000000000001", "name=Paula")]
    [InlineData("pipa", "pipa-plus", "plan=plus", "email=pelle.plus@pipa.test")]
    public async Task Signs_in_at_each_stand_in_in_documented_mode_on_another_port(string provider, string reader, string claim, string other)
    {
        await using var site = await SiteWithStandIns.StartAsync();
        using var browser = site.NewBrowser();

        var me = await SiteWithStandIns.SignInAsync(browser, provider, reader);

        Assert.Equal("/me", me.Path);
        Assert.Contains(claim, me.Body);
        Assert.Contains(other, me.Body);
        Assert.Contains(browser.Visited, u => u.ToString().StartsWith($"{SiteWithStandIns.BaseUrl}/signin-{provider}?", StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Visited, u => u.Port == 5080);
    }

    [Theory]
    [InlineData("pliro", "pliro-plus", "DevProviders:pliro:PublishDiscovery", "true", "plan=plus")]
    [InlineData("pixelpin", "pixelpin-pierre", "DevProviders:pixelpin:IssueIdToken", "true", "sub=7700000000000000002")]
    [InlineData("pixelpin", "pixelpin-pierre", "DevProviders:pixelpin:UserInfoShape", "Plugin", "family_name=Pixel")]
    public async Task Signs_in_when_a_guess_is_switched_the_other_way(string provider, string reader, string key, string value, string claim)
    {
        await using var site = await SiteWithStandIns.StartAsync(new() { [key] = value, ["DevProviders:pixelpin:IssueIdToken"] = key.Contains("Plugin", StringComparison.Ordinal) ? "true" : null });
        using var browser = site.NewBrowser();

        var me = await SiteWithStandIns.SignInAsync(browser, provider, reader);

        Assert.Equal("/me", me.Path);
        Assert.Contains(claim, me.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public async Task Signing_out_at_pliro_returns_to_the_page_asked_whether_or_not_state_is_echoed(string? echo)
    {
        await using var site = await SiteWithStandIns.StartAsync(new() { ["DevProviders:pliro:EchoSignOutState"] = echo });
        using var browser = site.NewBrowser();
        await SiteWithStandIns.SignInAsync(browser, "pliro", "pliro-plus");

        var bye = await browser.NavigateAsync($"{SiteWithStandIns.BaseUrl}/logout/pliro");

        Assert.Equal("/bye", bye.Path);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/dev/pliro/oauth/end_session");
    }

    [Fact]
    public async Task Pliro_plans_are_reread_from_userinfo_with_the_readers_access_token()
    {
        await using var site = await SiteWithStandIns.StartAsync();
        using var browser = site.NewBrowser();
        await SiteWithStandIns.SignInAsync(browser, "pliro", "pliro-upgrader");
        var accessToken = (await browser.NavigateAsync($"{SiteWithStandIns.BaseUrl}/token/access_token")).Body;
        site.Services.GetRequiredService<Readers.ReaderDirectory>().ChangePlan("pliro-upgrader", Readers.TestReaderCatalog.PlansFor("pliro")[1]);

        var result = await site.Services.GetRequiredService<OidcUserInfoReader>().ReadAsync("pliro", accessToken, "cus_dev0000000000004");

        Assert.Equal(OidcUserInfoStatus.Succeeded, result.Status);
        Assert.Equal(["premium"], result.Plans);
        Assert.Equal(OidcUserInfoStatus.TokenRejected,
            (await site.Services.GetRequiredService<OidcUserInfoReader>().ReadAsync("pliro", "expired-or-unknown", "cus_dev0000000000004")).Status);
    }

    [Theory]
    [InlineData("pipa", "pipa-plus")]
    [InlineData("subrite", "subrite-plus")]
    public async Task Access_tokens_are_renewed_with_the_refresh_token_at_the_documented_token_endpoint(string provider, string reader)
    {
        await using var site = await SiteWithStandIns.StartAsync();
        using var browser = site.NewBrowser();
        await SiteWithStandIns.SignInAsync(browser, provider, reader);
        var refreshToken = (await browser.NavigateAsync($"{SiteWithStandIns.BaseUrl}/token/refresh_token")).Body;
        var accessToken = (await browser.NavigateAsync($"{SiteWithStandIns.BaseUrl}/token/access_token")).Body;
        var idToken = (await browser.NavigateAsync($"{SiteWithStandIns.BaseUrl}/token/id_token")).Body;
        Assert.NotEmpty(refreshToken);
        Assert.NotEmpty(idToken);

        var renewed = await site.Services.GetRequiredService<OidcTokenRefresher>().RefreshAsync(provider, refreshToken, idToken);

        Assert.NotEqual(accessToken, renewed.AccessToken);
        Assert.NotNull(renewed.RefreshToken);
        Assert.NotNull(renewed.ExpiresAt);
        // Its new ID token passes OIDC Core §12.2 against the one of the sign-in.
        Assert.NotNull(renewed.IdToken);
        // The stand-in rotates refresh tokens: the old one is spent.
        await Assert.ThrowsAsync<OidcAuthenticationException>(() => site.Services.GetRequiredService<OidcTokenRefresher>().RefreshAsync(provider, refreshToken));
    }
}
