using Bunit;
using PublisherPortal.Newsroom.Components;
using PublisherPortal.Tests.Admin.Components;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The revision panel: any two revisions compared, and a comparison being read survives the next (auto)save.</summary>
public sealed class RevisionPanelTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task A_comparison_of_two_chosen_revisions_stays_on_screen_when_a_save_adds_a_revision()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var form = await _desk.FormAsync();
        form.Title = "Headline one";
        var (id, version) = await _desk.CreateAsync(editor, form);
        foreach (var title in new[] { "Headline two", "Headline three" })
        {
            form.Title = title;
            version = (await _desk.Commands.SaveAsync(editor, id, form, version, default)).Version!.Value;
        }

        var revisions = (await _desk.Queries.RevisionsAsync(editor, id, default)).Revisions; // newest first
        await using var ctx = new StaffComponentContext(site, editor);
        var cut = ctx.Render<RevisionPanel>(p => p.Add(r => r.StoryId, id).Add(r => r.Version, version));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("input[name=diff-from]").Count));

        cut.Find($"input[aria-label='Compare from revision {revisions[2].Id}']").Change(true);
        cut.Find($"input[aria-label='Compare to revision {revisions[1].Id}']").Change(true);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Compare").Click();
        cut.WaitForAssertion(() => Assert.Contains("+ Title: Headline two", cut.Find("[aria-label=Differences]").TextContent));
        Assert.Contains("- Title: Headline one", cut.Find("[aria-label=Differences]").TextContent);

        form.Title = "Headline four";
        await _desk.Commands.SaveAsync(editor, id, form, version, default);
        await cut.InvokeAsync(() => cut.Instance.ReloadAsync());

        Assert.Equal(4, cut.FindAll("input[name=diff-from]").Count);
        Assert.Contains("+ Title: Headline two", cut.Find("[aria-label=Differences]").TextContent);
        Assert.True(cut.Find($"input[aria-label='Compare from revision {revisions[2].Id}']").HasAttribute("checked"));
        Assert.True(cut.Find($"input[aria-label='Compare to revision {revisions[1].Id}']").HasAttribute("checked"));
    }
}
