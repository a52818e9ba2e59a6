using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PublisherPortal.Articles;
using PublisherPortal.Newsroom.Components;
using PublisherPortal.Tests.Admin.Components;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The byline keeps the order the editor gives it, from the picker to the reader's page.</summary>
public sealed class BylineOrderTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    private static readonly Author[] Authors =
    [
        new() { Id = 1, Name = "Ada Archer", Slug = "ada" }, new() { Id = 2, Name = "Bo Berg", Slug = "bo" },
        new() { Id = 3, Name = "Cy Cole", Slug = "cy" },
    ];

    [Fact]
    public async Task Authors_are_added_in_the_order_picked_and_one_can_be_moved_earlier_or_removed()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        await using var ctx = new StaffComponentContext(site, editor);
        var byline = new List<int>();
        var cut = ctx.Render<BylinePicker>(p => p.Add(b => b.Authors, Authors).Add(b => b.AuthorIds, byline));

        foreach (var id in new[] { 3, 1, 2 })
        {
            await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)id));
        }

        Assert.Equal([3, 1, 2], byline);
        Assert.True(string.IsNullOrEmpty(cut.Find(".mud-select input").GetAttribute("value"))); // ready for the next author, not showing the last
        Assert.Equal(["Cy Cole", "Ada Archer", "Bo Berg"], Names(cut));
        Assert.Empty(cut.FindAll("button[aria-label='Move Cy Cole earlier']")); // the first has nowhere to go

        cut.Find("button[aria-label='Move Bo Berg earlier']").Click();
        Assert.Equal([3, 2, 1], byline);
        Assert.Equal(["Cy Cole", "Bo Berg", "Ada Archer"], Names(cut));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(3)); // picked twice: still once
        Assert.Equal([3, 2, 1], byline);
    }

    [Fact]
    public async Task The_reader_page_names_the_authors_in_the_order_the_editor_saved()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var ids = await _desk.DbAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).Take(2).ToListAsync());
        Assert.Equal(2, ids.Count);
        var form = await _desk.FormAsync();
        form.AuthorIds = [ids[1].Id, ids[0].Id];
        var (id, _) = await _desk.CreateAsync(editor, form);
        await _desk.PublishAsync(editor, id);

        var page = Html.Parse(await site.CreateReader().GetStringAsync($"/articles/{(await _desk.ArticleAsync(id)).Slug}"));
        Assert.Equal([ids[1].Name, ids[0].Name], page.QuerySelectorAll(".story__meta .byline a").Select(a => a.TextContent));

        // Reordered and saved again: the page follows.
        var again = (await _desk.Queries.LoadAsync(editor, id, default)).Story!;
        Assert.Equal([ids[1].Id, ids[0].Id], again.Form.AuthorIds);
        again.Form.AuthorIds.Reverse();
        Assert.True((await _desk.Commands.SaveAsync(editor, id, again.Form, again.Version, default)).Result.Succeeded);
        page = Html.Parse(await site.CreateReader().GetStringAsync($"/articles/{(await _desk.ArticleAsync(id)).Slug}"));
        Assert.Equal([ids[0].Name, ids[1].Name], page.QuerySelectorAll(".story__meta .byline a").Select(a => a.TextContent));
    }

    private static string[] Names(IRenderedComponent<BylinePicker> cut) =>
        cut.FindAll("ol.newsroom-byline .mud-chip-content").Select(c => c.TextContent.Trim()).ToArray();
}
