using System.Net;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Newsroom.Stories;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>
/// What readers get when the newsroom publishes, renames and unpublishes a story, asked over HTTP as an anonymous
/// reader: every channel (home, section, RSS, sitemap, search, the story's URL) on the very next request.
/// </summary>
public sealed class ReaderChannelTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task Renaming_a_published_story_answers_its_old_address_with_a_permanent_redirect_to_the_new_one()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var form = await _desk.FormAsync();
        form.Slug = "old-address-" + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await _desk.CreateAsync(editor, form);
        var version = await _desk.PublishAsync(editor, id);
        var oldSlug = form.Slug;
        var newSlug = form.Slug = "new-address-" + Guid.NewGuid().ToString("N")[..8];

        var renamed = await _desk.Commands.SaveAsync(editor, id, form, version, default);

        Assert.True(renamed.Result.Succeeded, renamed.Result.Message);
        var reader = site.CreateReader();
        var old = await reader.GetAsync($"/articles/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/articles/{form.Slug}", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{form.Slug}")).StatusCode);

        // Another story may not take the old address: it still belongs to the renamed one.
        var squatter = await _desk.FormAsync();
        squatter.Slug = oldSlug;
        var taken = await _desk.Commands.SaveAsync(editor, null, squatter, null, default);
        Assert.Contains(nameof(StoryForm.Slug), taken.Result.FieldErrors.Keys);

        // Renaming back makes the old address the story's own again.
        form.Slug = oldSlug;
        Assert.True((await _desk.Commands.SaveAsync(editor, id, form, renamed.Version, default)).Result.Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{oldSlug}")).StatusCode);
        var back = await reader.GetAsync($"/articles/{newSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, back.StatusCode);
        Assert.Equal($"/articles/{oldSlug}", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Renaming_a_draft_leaves_no_redirect_behind()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var form = await _desk.FormAsync();
        form.Slug = "draft-address-" + Guid.NewGuid().ToString("N")[..8];
        var (id, version) = await _desk.CreateAsync(editor, form);
        var draftSlug = form.Slug;
        form.Slug = draftSlug + "-final";

        Assert.True((await _desk.Commands.SaveAsync(editor, id, form, version, default)).Result.Succeeded);

        Assert.False(await _desk.DbAsync(db => db.ArticleSlugRedirects.AnyAsync(r => r.ArticleId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateReader().GetAsync($"/articles/{draftSlug}")).StatusCode);
    }

    [Fact]
    public async Task A_published_story_is_in_every_channel_and_after_unpublishing_in_none_and_its_address_answers_410()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var form = await _desk.FormAsync(marker);
        var (id, _) = await _desk.CreateAsync(editor, form);
        await _desk.PublishAsync(editor, id);
        var article = await _desk.ArticleAsync(id);
        var section = await _desk.DbAsync(db => db.Sections.Where(s => s.Id == article.SectionId).Select(s => s.Slug).SingleAsync());
        var reader = site.CreateReader();
        string[] channels = ["/", $"/sections/{section}", "/rss.xml", "/sitemap.xml", $"/search?q={marker}"];
        foreach (var channel in channels)
        {
            Assert.Contains(article.Slug, await reader.GetStringAsync(channel));
        }

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{article.Slug}")).StatusCode);

        var result = await _desk.Lifecycle.UnpublishAsync(editor, id, article.Version, default);

        Assert.True(result.Succeeded, result.Message);
        foreach (var channel in channels)
        {
            Assert.DoesNotContain(article.Slug, await reader.GetStringAsync(channel));
        }

        var gone = await reader.GetAsync($"/articles/{article.Slug}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.DoesNotContain(marker, await gone.Content.ReadAsStringAsync());
    }
}
