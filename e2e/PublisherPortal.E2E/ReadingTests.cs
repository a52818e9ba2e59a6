using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PublisherPortal.Articles;
using PublisherPortal.E2E.Infrastructure;

using PublisherPortal.Paywall;

namespace PublisherPortal.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ReadingTests(Chromium chromium) : IDisposable
{
    private readonly LivePortal _portal = new();

    [Fact]
    public async Task A_reader_goes_from_the_front_page_to_a_story_and_meets_the_paywall_on_a_premium_one()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        var lead = page.Locator(".front__lead .card__title a");
        var headline = (await lead.InnerTextAsync()).Trim();
        await lead.ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        Assert.Equal(headline, (await page.Locator("h1.story__title").InnerTextAsync()).Trim());

        var premium = _portal.Demo.Articles.First(a => a.AccessLevel == AccessLevel.Tier && a.Status == ArticleStatus.Published);
        await page.GotoAsync($"/articles/{premium.Slug}");
        var paywall = page.GetByRole(AriaRole.Region, new() { Name = "This story is for" });
        await Assertions.Expect(paywall).ToBeVisibleAsync();
        await Assertions.Expect(paywall.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.DoesNotContain(_portal.Demo.GatedSentences[premium.Slug], await page.ContentAsync());
    }

    [Fact]
    public async Task Home_and_article_pages_have_no_serious_accessibility_violations()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        var page = await context.NewPageAsync();
        var premium = _portal.Demo.Articles.First(a => a.AccessLevel == AccessLevel.Tier && a.Status == ArticleStatus.Published);
        var open = _portal.Demo.Articles.First(a => a.AccessLevel == AccessLevel.Public && a.Status == ArticleStatus.Published && a.HeroImageUrl is not null);

        foreach (var path in new[] { "/", $"/articles/{open.Slug}", $"/articles/{premium.Slug}", "/sections/news", "/search?q=harbour" })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                await page.GotoAsync(path);
                var result = await page.RunAxe();
                var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
                Assert.True(serious.Count == 0,
                    $"{path} ({scheme}): " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => $"{n.Target} ({string.Join(" ", n.Any.Select(c => c.Message))})"))}")));
            }
        }
    }

    public void Dispose() => _portal.Dispose();
}
