using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The story list's filters, counts and paging, as the grid asks for them.</summary>
public sealed class StoryListTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task Filters_combine_counts_follow_the_other_filters_and_pages_hold_what_they_say()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var plus = await _desk.DbAsync(db => db.AccessTiers.Where(t => t.Slug == "plus").Select(t => t.Id).SingleAsync());
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var form = await _desk.FormAsync(marker);
            form.Title += $" {i}";
            (form.AccessLevel, form.MinimumTierId) = i == 0 ? (AccessLevel.Tier, (int?)plus) : (AccessLevel.Public, null);
            ids.Add((await _desk.CreateAsync(editor, form)).Id);
        }

        await _desk.PublishAsync(editor, ids[0]);

        var all = await _desk.Queries.ListAsync(editor, new StoryFilter(Text: marker), 0, 10, default);
        Assert.Equal(3, all.Total);
        Assert.Equal(1, all.Counts[ArticleStatus.Published]);
        Assert.Equal(2, all.Counts[ArticleStatus.Draft]);

        var published = await _desk.Queries.ListAsync(editor, new StoryFilter(ArticleStatus.Published, Text: marker), 0, 10, default);
        Assert.Equal([ids[0]], published.Rows.Select(r => r.Id));
        Assert.Equal(2, published.Counts[ArticleStatus.Draft]); // the tabs still count what the other statuses hold

        var gated = await _desk.Queries.ListAsync(editor, new StoryFilter(Access: AccessLevel.Tier, TierId: plus, Text: marker), 0, 10, default);
        Assert.Equal([ids[0]], gated.Rows.Select(r => r.Id));
        Assert.Equal("Plus", gated.Rows[0].TierName);

        var byTitle = await _desk.Queries.ListAsync(editor, new StoryFilter(Text: marker, SortBy: nameof(StoryRow.Title), Descending: false), 1, 2, default);
        Assert.Equal(3, byTitle.Total);
        Assert.Equal([ids[2]], byTitle.Rows.Select(r => r.Id)); // page 2 of 2-per-page, titles "… 0", "… 1" | "… 2"
    }
}
