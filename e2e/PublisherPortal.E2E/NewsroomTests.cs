using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PublisherPortal.E2E.Infrastructure;

namespace PublisherPortal.E2E;

/// <summary>
/// The newsroom's flow in Chromium: an editor signs in at the Pliro stand-in, writes a story, uploads its hero image, marks it Plus, previews it
/// as an anonymous reader and as a Plus subscriber, and publishes it; an anonymous reader then gets the teaser and a
/// paywall marked up as not free, and a Plus reader reads it all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NewsroomTests(Chromium chromium) : IDisposable
{
    private readonly StandInPortal _portal = new();

    [Fact]
    public async Task An_editor_writes_marks_plus_previews_and_publishes_and_readers_get_what_the_preview_showed()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..8];
        var premium = $"Only Plus readers learn {marker}.";
        await using var editorContext = await NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await StaffBrowsing.SignInAsync(editor, _portal.BaseUrl, "pliro-editor", "/newsroom/articles/new");
        await StaffBrowsing.LiveAsync(editor);

        await editor.GetByLabel("Title", new() { Exact = true }).FillAsync($"Ferry timetable {marker}");
        await editor.GetByLabel("Standfirst", new() { Exact = true }).FillAsync("The winter timetable, stop by stop.");
        await editor.GetByLabel("Body", new() { Exact = true }).FillAsync($"The ferry leaves at seven.\n\nIt returns at nine.\n\n{premium}");
        await editor.GetByLabel("Access", new() { Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Option, new() { Name = "Plus subscribers" }).ClickAsync();
        // A hero image uploaded from the computer: the site stores it and fills in its address.
        await editor.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "ferry.png", MimeType = "image/png", Buffer = OnePixelPng });
        await Assertions.Expect(editor.GetByLabel("Hero image URL", new() { Exact = true })).ToHaveValueAsync(new Regex(@"^/media/[0-9a-f-]{36}\.png$"));
        await editor.GetByLabel("Hero image alt text", new() { Exact = true }).FillAsync("The ferry at the pier.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await editor.WaitForURLAsync(StoryUrl());
        await StaffBrowsing.LiveAsync(editor);
        await Assertions.Expect(editor.Locator("[data-testid=story-status]")).ToHaveTextAsync("Draft");

        // Preview as an anonymous reader (the default), then as a Plus subscriber: the reader's whole page, in a frame.
        var readerPage = editor.FrameLocator("[data-testid=preview-page]");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Show as this reader" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-testid=preview-decision]")).ToContainTextAsync("teaser");
        await Assertions.Expect(readerPage.Locator(".story__body")).ToContainTextAsync("The ferry leaves at seven.");
        await Assertions.Expect(readerPage.Locator(".story__body")).Not.ToContainTextAsync(premium);
        await Assertions.Expect(readerPage.Locator(".paywall__heading")).ToHaveTextAsync("This story is for Plus");
        await Assertions.Expect(readerPage.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First).ToBeVisibleAsync();
        // The readers' stylesheet applies in the frame: its masthead is laid out by site.css, not the browser's defaults.
        await Assertions.Expect(readerPage.Locator(".masthead__top")).ToHaveCSSAsync("display", "grid");
        await editor.GetByLabel("Reader", new() { Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Option, new() { Name = "Plus subscriber" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Show as this reader" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-testid=preview-decision]")).ToContainTextAsync("whole story");
        await Assertions.Expect(readerPage.Locator(".story__body")).ToContainTextAsync(premium);
        await Assertions.Expect(readerPage.Locator(".paywall")).ToHaveCountAsync(0);

        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-testid=story-status]")).ToHaveTextAsync("Published");
        var slug = await editor.GetByLabel("Slug", new() { Exact = true }).InputValueAsync();
        Assert.Equal($"ferry-timetable-{marker}", slug);

        await using var anonymousContext = await NewContextAsync();
        var anonymous = await anonymousContext.NewPageAsync();
        await anonymous.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(anonymous.Locator(".story__body")).ToContainTextAsync("The ferry leaves at seven.");
        await Assertions.Expect(anonymous.Locator(".paywall")).ToBeVisibleAsync();
        Assert.DoesNotContain(premium, await anonymous.ContentAsync());
        var hero = anonymous.Locator(".story__hero img");
        await Assertions.Expect(hero).ToHaveAttributeAsync("alt", "The ferry at the pier.");
        await Assertions.Expect(hero).ToHaveJSPropertyAsync("naturalWidth", 1); // the uploaded image loads on the reader's page
        using (var jsonLd = JsonDocument.Parse(await anonymous.Locator("script[type='application/ld+json']").TextContentAsync() ?? "{}"))
        {
            Assert.False(jsonLd.RootElement.GetProperty("isAccessibleForFree").GetBoolean());
        }

        await using var plusContext = await NewContextAsync();
        var plus = await plusContext.NewPageAsync();
        await StaffBrowsing.SignInAsync(plus, _portal.BaseUrl, "pliro-plus", $"/articles/{slug}");
        await Assertions.Expect(plus.Locator(".story__body")).ToContainTextAsync(premium);
        await Assertions.Expect(plus.Locator(".paywall")).ToHaveCountAsync(0);
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private Regex StoryUrl() => new("^" + Regex.Escape(_portal.BaseUrl) + @"/newsroom/articles/\d+$");

    private Task<IBrowserContext> NewContextAsync() =>
        chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });

    public void Dispose() => _portal.Dispose();
}
