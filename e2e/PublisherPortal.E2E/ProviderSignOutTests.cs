using Microsoft.Playwright;
using PublisherPortal.E2E.Infrastructure;

namespace PublisherPortal.E2E;

/// <summary>A reader signs out at the provider, not here: Pliro's back-channel notification ends the session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProviderSignOutTests(Chromium chromium) : IDisposable
{
    private readonly StandInPortal _portal = new();

    [Fact]
    public async Task Signing_out_at_Pliro_makes_the_very_next_page_load_anonymous()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?provider=pliro&returnUrl=%2Faccount");
        await page.Locator("button[name=reader][value=pliro-premium]").ClickAsync();
        await page.WaitForURLAsync(_portal.BaseUrl + "/account");
        await Assertions.Expect(page.Locator(".masthead__reader")).ToBeVisibleAsync();

        // At Pliro (the stand-in's own account page), in the same browser: "Sign out at Pliro".
        await page.GotoAsync("/dev/pliro/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out at Pliro" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("signed out", new() { IgnoreCase = true });

        var response = await page.GotoAsync("/account");
        Assert.NotNull(response);
        await page.WaitForURLAsync("**/account/login?returnUrl=%2Faccount");
        await Assertions.Expect(page.Locator(".masthead").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    public void Dispose() => _portal.Dispose();
}
