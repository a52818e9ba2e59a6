using Microsoft.Playwright;
using PublisherPortal.Articles;
using PublisherPortal.E2E.Infrastructure;

using PublisherPortal.Paywall;

namespace PublisherPortal.E2E;

/// <summary>Entitlements in the browser: plans at the stand-in providers open the tiers they are mapped to, and buying one opens the story on return.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EntitlementJourneyTests(Chromium chromium) : IAsyncLifetime
{
    private readonly StandInPortal _portal = new();
    private readonly List<IBrowserContext> _contexts = [];

    private Article Published(Func<Article, bool> where) =>
        _portal.Demo.Articles.First(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow && where(a));

    private Article Premium => Published(a => a.MinimumTier?.Slug == "premium");

    private Article Plus => Published(a => a.MinimumTier?.Slug == "plus");

    [Theory]
    [InlineData("Pliro", "pliro-premium")]
    [InlineData("Subrite", "subrite-premium")]
    public async Task A_premium_reader_at_the_stand_in_reads_a_premium_story(string provider, string reader)
    {
        var page = await SignedInOnStoryAsync(provider, reader, Premium);
        await Assertions.Expect(page.Locator(".story__body")).ToContainTextAsync(_portal.Demo.GatedSentences[Premium.Slug]);
        await Assertions.Expect(page.Locator(".paywall")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_pixelpin_reader_reads_registered_stories_but_not_tier_stories()
    {
        var registered = Published(a => a.AccessLevel == AccessLevel.Registered);
        var page = await SignedInOnStoryAsync("PixelPin", "pixelpin-paula", Plus);
        await Assertions.Expect(page.Locator(".paywall")).ToHaveAttributeAsync("data-reason", "NoPlan");
        Assert.DoesNotContain(_portal.Demo.GatedSentences[Plus.Slug], await page.ContentAsync());

        await page.GotoAsync($"/articles/{registered.Slug}");
        await Assertions.Expect(page.Locator(".story__body")).ToContainTextAsync(_portal.Demo.GatedSentences[registered.Slug]);
    }

    [Fact]
    public async Task Subscribing_at_pliro_opens_the_story_on_return()
    {
        var page = await SignedInOnStoryAsync("Pliro", "pliro-upgrader", Premium);
        await Assertions.Expect(page.Locator(".paywall")).ToHaveAttributeAsync("data-reason", "NoPlan");

        // The paywall links Pliro's subscribe page, which lists the offers; the yearly Premium offer grants plan premium.
        await page.Locator(".paywall__actions a").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Subscribe to Premium") }).ClickAsync();

        // continue_url → portal_refresh=1 → silent prompt=none re-authentication → the clean article URL.
        await page.WaitForURLAsync($"{_portal.BaseUrl}/articles/{Premium.Slug}");
        await Assertions.Expect(page.Locator(".story__body")).ToContainTextAsync(_portal.Demo.GatedSentences[Premium.Slug]);
    }

    [Fact]
    public async Task Buying_at_the_subrite_checkout_opens_the_story_on_return()
    {
        var page = await SignedInOnStoryAsync("Subrite", "subrite-upgrader", Premium);
        await Assertions.Expect(page.Locator(".paywall")).ToHaveAttributeAsync("data-reason", "NoPlan");

        await page.Locator(".paywall__actions a").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy Premium (free here)" }).ClickAsync();

        // onCheckoutCompletedUrl → portal_refresh=1 → member API re-read → the clean article URL.
        await page.WaitForURLAsync($"{_portal.BaseUrl}/articles/{Premium.Slug}");
        await Assertions.Expect(page.Locator(".story__body")).ToContainTextAsync(_portal.Demo.GatedSentences[Premium.Slug]);
    }

    private async Task<IPage> SignedInOnStoryAsync(string provider, string reader, Article story)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{story.Slug}");
        await page.Locator(".paywall__providers").GetByRole(AriaRole.Link, new() { Name = $"Continue with {provider}" }).ClickAsync();
        await page.Locator($"button[name=reader][value={reader}]").ClickAsync();
        await page.WaitForURLAsync($"**/articles/{story.Slug}");
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _portal.Dispose();
    }
}
