using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using PublisherPortal.Newsroom.Components;
using PublisherPortal.Newsroom.Preview;
using PublisherPortal.Tests.Admin.Components;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>
/// "Preview as a reader" shows the reader's whole page, rendered by the readers' own components: for a published
/// story, the article in the preview is the article the site serves to that reader, element for element.
/// </summary>
public sealed partial class ReaderPagePreviewTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task The_preview_of_a_published_plus_story_is_the_page_an_anonymous_and_a_plus_reader_get()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (marker, id, form) = await PlusStoryAsync(editor);
        await _desk.PublishAsync(editor, id);
        var article = await _desk.ArticleAsync(id);

        site.Clock.Advance(TimeSpan.FromHours(1)); // the page shows the story's own dates, not the time of the preview
        var pages = await PreviewAsync(editor, form, id);

        var anonymousPage = await site.CreateReader().GetStringAsync($"/articles/{article.Slug}");
        Assert.Equal(StoryOf(anonymousPage), StoryOf(pages["Anonymous reader"].Document));
        var plusPage = await (await site.SignInAsync("pliro", "cus_plus_" + marker, plan: "plus")).GetStringAsync($"/articles/{article.Slug}");
        Assert.Equal(StoryOf(plusPage), StoryOf(pages["Plus subscriber"].Document));
        Assert.Contains($"{marker}-premium", StoryOf(plusPage)); // the comparison is of the whole story, not of two teasers
    }

    [Fact]
    public async Task Each_preview_is_a_whole_reader_page_with_that_readers_masthead_and_paywall_and_no_text_beyond_it()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (marker, id, form) = await PlusStoryAsync(editor);

        var pages = await PreviewAsync(editor, form, id);

        var anonymous = Html.Parse(pages["Anonymous reader"].Document);
        Assert.NotNull(anonymous.QuerySelector("head link[rel=stylesheet][href='/css/site.css']"));
        Assert.Contains("isAccessibleForFree", anonymous.QuerySelector("head script[type='application/ld+json']")!.TextContent);
        Assert.NotNull(anonymous.QuerySelector("header.masthead a[href='/account/login']"));
        Assert.Equal("This story is for Plus", anonymous.QuerySelector(".paywall__heading")!.TextContent);
        Assert.NotNull(anonymous.QuerySelector("footer.site-footer"));
        Assert.DoesNotContain($"{marker}-premium", pages["Anonymous reader"].Document);

        var noPlan = Html.Parse(pages["Signed in, no plan"].Document);
        Assert.Equal("Preview reader", noPlan.QuerySelector(".masthead__reader")!.TextContent);
        Assert.Equal("Subscribe to Plus", noPlan.QuerySelector(".paywall__heading")!.TextContent);
        Assert.DoesNotContain($"{marker}-premium", pages["Signed in, no plan"].Document);

        var plus = Html.Parse(pages["Plus subscriber"].Document);
        Assert.Null(plus.QuerySelector(".paywall"));
        Assert.Contains($"{marker}-premium", plus.QuerySelector(".story__body")!.TextContent);

        // The sign-out form in a signed-in masthead: the editor's own antiforgery token never goes into a preview.
        Assert.NotNull(noPlan.QuerySelector("form.sign-out"));
        Assert.Null(noPlan.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task The_panel_shows_the_page_in_a_frame_that_may_run_no_script_and_has_no_access_to_the_newsroom()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (marker, id, form) = await PlusStoryAsync(editor);
        await using var ctx = new StaffComponentContext(site, editor);

        var cut = ctx.Render<ReaderPreviewPanel>(p => p.Add(x => x.Form, form).Add(x => x.StoryId, id));

        var frame = cut.WaitForElement("iframe[data-testid=preview-page]");
        Assert.True(frame.HasAttribute("sandbox"));
        var allowed = frame.GetAttribute("sandbox")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("allow-scripts", allowed);
        Assert.DoesNotContain("allow-same-origin", allowed);
        Assert.DoesNotContain("allow-forms", allowed);
        Assert.Contains("paywall", frame.GetAttribute("srcdoc"));
        Assert.DoesNotContain($"{marker}-premium", frame.GetAttribute("srcdoc")); // the anonymous reader first
    }

    private async Task<(string Marker, int Id, PublisherPortal.Newsroom.Stories.StoryForm Form)> PlusStoryAsync(System.Security.Claims.ClaimsPrincipal editor)
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var form = await _desk.PlusFormAsync(marker);
        var (id, _) = await _desk.CreateAsync(editor, form);
        return (marker, id, form);
    }

    private async Task<Dictionary<string, PreviewPage>> PreviewAsync(System.Security.Claims.ClaimsPrincipal editor, PublisherPortal.Newsroom.Stories.StoryForm form, int id)
    {
        var (pages, refusal) = await site.Services.GetRequiredService<ReaderPreview>().PreviewAsync(editor, form, id, default);
        Assert.Null(refusal);
        return pages.ToDictionary(p => p.Reader);
    }

    /// <summary>The page's story element, whitespace between tags folded (the two renderings indent differently).</summary>
    private static string StoryOf(string html) =>
        Whitespace().Replace(Html.Parse(html).QuerySelector("article.story")!.OuterHtml, " ").Replace("> <", "><");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
