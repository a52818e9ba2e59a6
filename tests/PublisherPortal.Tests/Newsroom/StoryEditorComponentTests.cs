using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Components;
using PublisherPortal.Tests.Media;
using PublisherPortal.Tests.Admin.Components;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The story editor rendered with bUnit against a real test site: its labels and buttons, the live preview, and a stale save shown with the other editor's version.</summary>
public sealed class StoryEditorComponentTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    private static readonly string[] Labels =
    [
        "Title", "Slug", "Standfirst", "Section", "Tags", "Authors", "Hero image URL", "Hero image alt text", "Body", "SEO title",
        "SEO description", "Access", "Teaser paragraphs",
    ];

    [Fact]
    public async Task Every_field_has_a_visible_label_and_the_four_actions_are_there()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (id, _) = await _desk.CreateAsync(editor);
        await using var ctx = new StaffComponentContext(site, editor);

        var cut = ctx.Render<StoryEditor>(p => p.Add(e => e.StoryId, id));

        cut.WaitForAssertion(() => Assert.Contains("Harbour story", Input(cut, "Title").GetAttribute("value")));
        var labels = cut.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        foreach (var label in Labels)
        {
            Assert.Contains(labels, l => l.StartsWith(label, StringComparison.Ordinal));
        }

        var buttons = cut.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Save draft", buttons);
        Assert.Contains("Publish", buttons);
        Assert.Contains("Schedule", buttons);
        Assert.Contains("Unpublish", buttons);
    }

    [Fact]
    public async Task The_body_preview_follows_the_text_as_it_is_typed_through_the_readers_renderer()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (id, _) = await _desk.CreateAsync(editor);
        await using var ctx = new StaffComponentContext(site, editor);
        var cut = ctx.Render<StoryEditor>(p => p.Add(e => e.StoryId, id));
        cut.WaitForAssertion(() => Assert.Contains("Harbour story", Input(cut, "Title").GetAttribute("value")));

        Input(cut, "Body").Input("A **bold** claim.\n\n<script>alert(1)</script>");

        cut.WaitForAssertion(() =>
        {
            var preview = cut.Find("[aria-label='Body preview']").InnerHtml;
            Assert.Contains("<strong>bold</strong>", preview);
            Assert.DoesNotContain("<script>", preview); // raw HTML is never rendered, as on the reader page
        });
    }

    [Fact]
    public async Task A_stale_save_shows_the_other_editors_version_and_keeps_what_was_typed()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var other = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (id, version) = await _desk.CreateAsync(editor);
        await using var ctx = new StaffComponentContext(site, editor);
        var cut = ctx.Render<StoryEditor>(p => p.Add(e => e.StoryId, id));
        cut.WaitForAssertion(() => Assert.Contains("Harbour story", Input(cut, "Title").GetAttribute("value")));

        var theirs = (await _desk.Queries.LoadAsync(other, id, default)).Story!.Form;
        theirs.Title = "Their headline";
        Assert.True((await _desk.Commands.SaveAsync(other, id, theirs, version, default)).Result.Succeeded);
        Input(cut, "Title").Input("My headline");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save draft").Click();

        cut.WaitForAssertion(() =>
        {
            var conflict = cut.Find("[data-testid=conflict]");
            Assert.Contains("saved this story after you opened it", conflict.TextContent);
            Assert.Contains("Their headline", conflict.TextContent);
        });
        Assert.Equal("My headline", Input(cut, "Title").GetAttribute("value"));
        Assert.Equal("Their headline", (await _desk.ArticleAsync(id)).Title);
    }

    [Fact]
    public async Task A_draft_with_unsaved_changes_is_saved_on_its_own_after_the_autosave_interval_and_a_published_story_is_not()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (draft, _) = await _desk.CreateAsync(editor);
        var (published, _) = await _desk.CreateAsync(editor);
        await _desk.PublishAsync(editor, published);
        await using var ctx = new StaffComponentContext(site, editor);
        var draftEditor = ctx.Render<StoryEditor>(p => p.Add(e => e.StoryId, draft));
        var publishedEditor = ctx.Render<StoryEditor>(p => p.Add(e => e.StoryId, published));
        draftEditor.WaitForAssertion(() => Assert.Contains("Harbour story", Input(draftEditor, "Title").GetAttribute("value")));
        publishedEditor.WaitForAssertion(() => Assert.Contains("Harbour story", Input(publishedEditor, "Title").GetAttribute("value")));
        Input(draftEditor, "Title").Input("Draft headline, typed");
        Input(publishedEditor, "Title").Input("Live headline, typed");

        site.Clock.Advance(StoryEditor.AutosaveInterval);

        draftEditor.WaitForAssertion(() => Assert.NotEmpty(draftEditor.FindAll("[data-testid=autosaved]")), TimeSpan.FromSeconds(10));
        Assert.Equal("Draft headline, typed", (await _desk.ArticleAsync(draft)).Title);
        Assert.Equal(2, (await _desk.Queries.RevisionsAsync(editor, draft, default)).Revisions.Count);
        Assert.NotEqual("Live headline, typed", (await _desk.ArticleAsync(published)).Title);
        Assert.Empty(publishedEditor.FindAll("[data-testid=autosaved]"));
    }

    [Fact]
    public async Task A_new_story_is_saved_as_a_draft_on_its_own_once_it_has_a_title_and_standfirst_and_keeps_its_editor()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        await using var ctx = new StaffComponentContext(site, editor);
        var page = ctx.Render<PublisherPortal.Newsroom.Pages.StoryEditorPage>();
        var cut = page.FindComponent<StoryEditor>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("label")));

        Input(cut, "Title").Input($"Autosaved {marker}");
        site.Clock.Advance(StoryEditor.AutosaveInterval);
        Assert.Empty(cut.FindAll("[data-testid=autosaved]")); // no standfirst yet: not a story that may be stored
        Assert.False(await _desk.DbAsync(db => db.Articles.AnyAsync(a => a.Title == $"Autosaved {marker}")));

        Input(cut, "Standfirst").Input("What the story says.");
        site.Clock.Advance(StoryEditor.AutosaveInterval);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=autosaved]")), TimeSpan.FromSeconds(10));
        var stored = await _desk.DbAsync(db => db.Articles.SingleAsync(a => a.Title == $"Autosaved {marker}"));
        Assert.Equal(PublisherPortal.Articles.ArticleStatus.Draft, stored.Status);
        Assert.EndsWith($"/newsroom/articles/{stored.Id}", ctx.Services.GetRequiredService<NavigationManager>().Uri);

        // The router gives the page its new address; the editor is the same one, and text typed since the save stays.
        Input(cut, "Body").Input("Typed after the autosave.");
        page.Render(p => p.Add(x => x.Id, stored.Id));
        var first = cut.Instance;
        Assert.Same(first, page.FindComponent<StoryEditor>().Instance);
        Assert.Equal("Typed after the autosave.", Input(cut, "Body").TextContent);

        // Opening another story at that address is a new editor, with that story.
        var (other, _) = await _desk.CreateAsync(editor);
        page.Render(p => p.Add(x => x.Id, other));
        Assert.NotSame(first, page.FindComponent<StoryEditor>().Instance);
    }

    [Fact]
    public async Task Uploading_an_image_fills_the_hero_address_with_the_site_path_that_serves_it_and_shows_it()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        await using var ctx = new StaffComponentContext(site, editor);
        var cut = await OpenANewStoryAsync(ctx, editor);
        var png = TestImages.Png(12, 8);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(png, "harbour.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Matches("^/media/[0-9a-f-]{36}\\.png$", Input(cut, "Hero image URL").GetAttribute("value")));
        var path = Input(cut, "Hero image URL").GetAttribute("value")!;
        Assert.Equal(path, cut.Find("[data-testid=hero-thumbnail]").GetAttribute("src"));
        var served = await site.CreateReader().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_named_and_typed_as_a_png_that_holds_svg_is_refused_at_the_hero_field_and_nothing_is_stored()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        await using var ctx = new StaffComponentContext(site, editor);
        var cut = await OpenANewStoryAsync(ctx, editor);
        var stored = await _desk.DbAsync(db => db.StoredImages.CountAsync());

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Svg, "harbour.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains("not a JPEG, PNG, WebP, GIF or AVIF image", HeroField(cut).TextContent));
        Assert.True(string.IsNullOrEmpty(Input(cut, "Hero image URL").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=hero-thumbnail]"));
        Assert.Equal(stored, await _desk.DbAsync(db => db.StoredImages.CountAsync()));
    }

    /// <summary>A new story of <paramref name="editor"/>'s, open and loaded in the editor.</summary>
    private async Task<IRenderedComponent<StoryEditor>> OpenANewStoryAsync(StaffComponentContext ctx, System.Security.Claims.ClaimsPrincipal editor)
    {
        var (id, _) = await _desk.CreateAsync(editor);
        var cut = ctx.Render<StoryEditor>(p => p.Add(e => e.StoryId, id));
        cut.WaitForAssertion(() => Assert.Contains("Harbour story", Input(cut, "Title").GetAttribute("value")));
        return cut;
    }

    private static AngleSharp.Dom.IElement HeroField(IRenderedComponent<StoryEditor> cut) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith("Hero image URL", StringComparison.Ordinal) == true);

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<StoryEditor> cut, string label) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith(label, StringComparison.Ordinal) == true)
            .QuerySelector("input, textarea")!;
}
