using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PublisherPortal.Articles;
using PublisherPortal.E2E.Infrastructure;

using PublisherPortal.Paywall;

namespace PublisherPortal.E2E;

/// <summary>A newcomer's first run: sign in at each local stand-in provider, see who you are, sign out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StandInSignInTests(Chromium chromium) : IDisposable
{
    private readonly StandInPortal _portal = new();

    [Theory]
    [InlineData("Pliro", "pliro-premium", "Premium", "premium")]
    // Subrite's ID token carries no profile: name, e-mail and plans (package ids) come from its member API.
    [InlineData("Subrite", "subrite-premium", "Prem Ium", "102")]
    [InlineData("PixelPin", "pixelpin-paula", "Paula", null)]
    [InlineData("PiPA", "pipa-plus", "pelle.plus@pipa.test", "plus")]
    public async Task A_reader_signs_in_at_the_stand_in_sees_their_account_and_signs_out(
        string provider, string reader, string? expectedIdentity, string? expectedPlan)
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        var page = await context.NewPageAsync();
        var registered = _portal.Demo.Articles.First(a => a.AccessLevel == AccessLevel.Registered && a.Status == ArticleStatus.Published);
        var hiddenSentence = _portal.Demo.GatedSentences[registered.Slug];

        await page.GotoAsync($"/articles/{registered.Slug}");
        Assert.DoesNotContain(hiddenSentence, await page.ContentAsync());
        await page.GetByRole(AriaRole.Region).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Continue with {provider}" }).ClickAsync();

        await Assertions.Expect(page.Locator(".dev-banner")).ToContainTextAsync("Local test provider");
        await page.Locator($"button[name=reader][value={reader}]").ClickAsync();

        // Back on the story it started from, now readable in full: a registered-only story opens for any reader.
        await page.WaitForURLAsync($"**/articles/{registered.Slug}");
        await Assertions.Expect(page.Locator(".story__body")).ToContainTextAsync(hiddenSentence);
        await Assertions.Expect(page.Locator(".paywall")).ToHaveCountAsync(0);

        await page.GotoAsync("/account");
        var facts = page.Locator(".account-facts");
        if (expectedIdentity is not null)
        {
            await Assertions.Expect(facts).ToContainTextAsync(expectedIdentity);
        }

        await Assertions.Expect(facts).ToContainTextAsync($"{provider} (local test provider)");
        if (expectedPlan is not null)
        {
            await Assertions.Expect(facts.Locator(".plan-keys")).ToContainTextAsync(expectedPlan);
        }

        await AssertSessionLivesOnTheServerAsync(context);

        await page.Locator(".masthead").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(_portal.BaseUrl + "/");
        await Assertions.Expect(page.Locator(".masthead").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync($"/articles/{registered.Slug}");
        Assert.DoesNotContain(hiddenSentence, await page.ContentAsync());
        Assert.Equal(0, await CountSessionsAsync());
    }

    [Fact]
    public async Task A_forged_sign_in_response_is_refused_with_a_readable_page()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin-pliro?code=forged&state=forged");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sign-in with Pliro (local test provider) did not complete");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Try again" })).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await page.WaitForURLAsync("**/account/login?returnUrl=%2Faccount");
    }

    /// <summary>The browser holds only an opaque session reference; the tokens are encrypted in the database.</summary>
    private async Task AssertSessionLivesOnTheServerAsync(IBrowserContext context)
    {
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "portal.session");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Value.Length < 1000, $"the session cookie is {cookie.Value.Length} characters: is the ticket in it?");
        Assert.DoesNotContain("eyJ", cookie.Value);
        Assert.Equal(1, await CountSessionsAsync());
    }

    private async Task<long> CountSessionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_portal.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ReaderSessions";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _portal.Dispose();
}
