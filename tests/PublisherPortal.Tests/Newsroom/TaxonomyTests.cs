using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Taxonomy;
using PublisherPortal.Newsroom.Pages;
using PublisherPortal.Staff.Audit;
using PublisherPortal.Tests.Admin.Components;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>Tags and authors as editors manage them, seen by readers on their next request.</summary>
public sealed class TaxonomyTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    private TaxonomyCommands Taxonomy => site.Services.GetRequiredService<TaxonomyCommands>();

    [Fact]
    public async Task Merging_a_tag_moves_its_stories_to_the_other_and_a_rename_shows_on_the_story_page_at_once()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var form = await _desk.FormAsync();
        form.Tags = [$"Ferries {suffix}", $"Boats {suffix}"];
        var (id, _) = await _desk.CreateAsync(editor, form);
        var other = await _desk.FormAsync();
        other.Tags = [$"Ferries {suffix}"];
        var (otherId, _) = await _desk.CreateAsync(editor, other);
        await _desk.PublishAsync(editor, id);
        var slug = (await _desk.ArticleAsync(id)).Slug;
        var reader = site.CreateReader();
        Assert.Contains($"Ferries {suffix}", await reader.GetStringAsync($"/articles/{slug}"));
        var ferries = await TagIdAsync($"ferries-{suffix}");
        var boats = await TagIdAsync($"boats-{suffix}");

        var merged = await Taxonomy.MergeTagsAsync(editor, ferries, boats, default);

        Assert.True(merged.Succeeded, merged.Message);
        Assert.False(await _desk.DbAsync(db => db.Tags.AnyAsync(t => t.Id == ferries)));
        Assert.Equal([boats], await TagsOfAsync(id));
        Assert.Equal([boats], await TagsOfAsync(otherId));
        Assert.Equal(1, await _desk.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TagMerge && e.Target == $"tag ferries-{suffix}")));

        Assert.True((await Taxonomy.RenameTagAsync(editor, boats, $"Vessels {suffix}", default)).Succeeded);

        var page = await reader.GetStringAsync($"/articles/{slug}");
        Assert.Contains($"Vessels {suffix}", page);
        Assert.DoesNotContain($"Ferries {suffix}", page);
    }

    [Fact]
    public async Task An_authors_photo_and_bio_show_on_their_page_at_once_and_only_an_image_address_is_taken()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var name = "Ada Photo " + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await Taxonomy.SaveAuthorAsync(editor, null, name, "Photographer", "Shoots the harbour.", null, default)).Succeeded);
        var author = await _desk.DbAsync(db => db.Authors.SingleAsync(a => a.Name == name));
        var reader = site.CreateReader();
        Assert.DoesNotContain("author-photo", await reader.GetStringAsync($"/authors/{author.Slug}"));

        foreach (var bad in new[] { "javascript:alert(1)", "//evil.example/x.jpg", "data:image/png;base64,AAAA", "/\\evil.example/x.jpg" })
        {
            var refused = await Taxonomy.SaveAuthorAsync(editor, author.Id, name, "Photographer", "Shoots the harbour.", bad, default);
            Assert.Contains("http(s) address or a path on this site", refused.FieldErrors["PhotoUrl"]);
        }

        var saved = await Taxonomy.SaveAuthorAsync(editor, author.Id, name, "Photographer", "Shoots the harbour.", "https://images.example/ada.jpg", default);

        Assert.True(saved.Succeeded, saved.Message);
        var page = Html.Parse(await reader.GetStringAsync($"/authors/{author.Slug}"));
        var photo = page.QuerySelector("img.author-photo");
        Assert.NotNull(photo);
        Assert.Equal("https://images.example/ada.jpg", photo.GetAttribute("src"));
        Assert.Equal(name, photo.GetAttribute("alt"));
        Assert.Contains("Shoots the harbour.", page.QuerySelector(".page-dek")?.TextContent);
        Assert.Contains("(photo https://images.example/ada.jpg)", (await _desk.DbAsync(db =>
            db.AuditEntries.Where(e => e.Action == AuditActions.AuthorUpdate && e.Target == $"author {author.Slug}").OrderBy(e => e.Id).LastAsync())).After);
    }

    [Fact]
    public async Task A_section_needs_a_name_a_short_description_and_an_address_of_its_own_when_made_and_when_edited()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var name = "Harbour Life " + Guid.NewGuid().ToString("N")[..8];
        var tooLong = new string('x', 501);

        Assert.Contains("Name", (await Taxonomy.CreateSectionAsync(editor, " ", null, default)).FieldErrors.Keys);
        Assert.Contains("Description", (await Taxonomy.CreateSectionAsync(editor, name, tooLong, default)).FieldErrors.Keys);
        Assert.True((await Taxonomy.CreateSectionAsync(editor, name, "Life by the water.", default)).Succeeded);
        Assert.Contains("exists already", (await Taxonomy.CreateSectionAsync(editor, name, null, default)).FieldErrors["Name"]);

        var section = await _desk.DbAsync(db => db.Sections.AsNoTracking().SingleAsync(x => x.Name == name));
        Assert.Contains("Name", (await Taxonomy.UpdateSectionAsync(editor, section.Id, "", null, default)).FieldErrors.Keys);
        Assert.Contains("Description", (await Taxonomy.UpdateSectionAsync(editor, section.Id, name, tooLong, default)).FieldErrors.Keys);
        Assert.Equal("Life by the water.", (await _desk.DbAsync(db => db.Sections.AsNoTracking().SingleAsync(x => x.Id == section.Id))).Description);
        Assert.True((await Taxonomy.UpdateSectionAsync(editor, section.Id, name, "Life on the quays.", default)).Succeeded);
        Assert.Contains("Life on the quays.", await site.CreateReader().GetStringAsync($"/sections/{section.Slug}"));
    }

    [Fact]
    public async Task An_uploaded_photo_becomes_the_authors_photo_served_by_the_site()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var name = "Bo Upload " + Guid.NewGuid().ToString("N")[..8];
        var png = PublisherPortal.Tests.Media.TestImages.Png(9, 9);
        await using var ctx = new StaffComponentContext(site, editor);
        var cut = ctx.Render<TaxonomyPage>();
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Authors").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button[aria-label=\"Upload the author's photo\"]")));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(png, "bo.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.Matches("^/media/[0-9a-f-]{36}\\.png$", Field(cut, "Photo URL").GetAttribute("value")));
        var path = Field(cut, "Photo URL").GetAttribute("value");
        Assert.Equal(path, cut.Find("[data-testid=author-photo]").GetAttribute("src"));
        Field(cut, "Author name").Change(name);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add author").Click();

        var author = await _desk.DbAsync(db => db.Authors.SingleAsync(a => a.Name == name));
        Assert.Equal(path, author.PhotoUrl);
        var reader = site.CreateReader();
        var photo = Html.Parse(await reader.GetStringAsync($"/authors/{author.Slug}")).QuerySelector("img.author-photo");
        Assert.Equal(author.PhotoUrl, photo?.GetAttribute("src"));
        Assert.Equal(png, await reader.GetByteArrayAsync(author.PhotoUrl));
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<TaxonomyPage> cut, string label) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim() == label).QuerySelector("input, textarea")!;

    private Task<int> TagIdAsync(string slug) => _desk.DbAsync(db => db.Tags.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    private Task<List<int>> TagsOfAsync(int articleId) =>
        _desk.DbAsync(db => db.Articles.Where(a => a.Id == articleId).SelectMany(a => a.Tags).Select(t => t.TagId).ToListAsync());
}
