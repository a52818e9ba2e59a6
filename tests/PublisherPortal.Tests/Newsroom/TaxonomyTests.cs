using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Taxonomy;
using PublisherPortal.Staff.Audit;

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

    private Task<int> TagIdAsync(string slug) => _desk.DbAsync(db => db.Tags.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    private Task<List<int>> TagsOfAsync(int articleId) =>
        _desk.DbAsync(db => db.Articles.Where(a => a.Id == articleId).SelectMany(a => a.Tags).Select(t => t.TagId).ToListAsync());
}
