using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Preview;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>
/// A story an editor writes, marks Plus, previews and publishes: the
/// preview shows each reader what they will get; after publishing an anonymous reader gets the teaser and a paywall
/// marked up as not free, and no premium sentence in any channel; a Plus reader reads it all.
/// </summary>
public sealed class PremiumStoryTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task An_editor_marks_a_story_plus_previews_and_publishes_it_and_readers_get_what_the_preview_showed()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var form = await _desk.PlusFormAsync(marker);
        var (id, _) = await _desk.CreateAsync(editor, form);

        var (pages, refusal) = await site.Services.GetRequiredService<ReaderPreview>().PreviewAsync(editor, form, id, default);

        Assert.Null(refusal);
        var anonymous = pages.Single(p => p.Reader == "Anonymous reader");
        var plus = pages.Single(p => p.Reader == "Plus subscriber");
        Assert.False(anonymous.IsFull);
        Assert.Contains($"First paragraph {marker}", anonymous.BodyHtml);
        Assert.DoesNotContain("Second paragraph", anonymous.BodyHtml); // one teaser paragraph, as set on the story
        Assert.DoesNotContain($"{marker}-premium", anonymous.BodyHtml);
        Assert.True(plus.IsFull);
        Assert.Contains($"{marker}-premium", plus.BodyHtml);
        Assert.Contains("\"isAccessibleForFree\":false", anonymous.JsonLd.Replace(" ", ""));

        await _desk.PublishAsync(editor, id);
        var slug = (await _desk.ArticleAsync(id)).Slug;

        var reader = site.CreateReader();
        var page = await reader.GetAsync($"/articles/{slug}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"First paragraph {marker}", html);
        Assert.DoesNotContain("Second paragraph", html);
        Assert.DoesNotContain($"{marker}-premium", html);
        Assert.Contains("paywalled-content", html);
        using (var jsonLd = JsonDocument.Parse(Html.Parse(html).QuerySelector("script[type='application/ld+json']")!.TextContent))
        {
            Assert.False(jsonLd.RootElement.GetProperty("isAccessibleForFree").GetBoolean());
        }

        foreach (var channel in new[] { "/rss.xml", $"/search?q={marker}", "/" })
        {
            Assert.DoesNotContain($"{marker}-premium", await reader.GetStringAsync(channel));
        }

        var plusReader = await site.SignInAsync("pliro", "cus_plus_" + marker, plan: "plus");
        var full = await plusReader.GetStringAsync($"/articles/{slug}");
        Assert.Contains($"{marker}-premium", full);
    }

    [Fact]
    public async Task A_reader_without_a_staff_role_gets_no_preview_text()
    {
        var reader = await (await site.PersonaAsync("reader")).PrincipalAsync();
        var form = await _desk.FormAsync();
        form.AccessLevel = AccessLevel.Registered;

        var (pages, refusal) = await site.Services.GetRequiredService<ReaderPreview>().PreviewAsync(reader, form, null, default);

        Assert.Empty(pages);
        Assert.NotNull(refusal);
    }
}
