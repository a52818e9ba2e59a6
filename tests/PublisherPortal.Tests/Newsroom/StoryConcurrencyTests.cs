using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>Two editors on one story: a stale save is refused with the other's version shown; nothing is overwritten or lost.</summary>
public sealed class StoryConcurrencyTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused_and_returns_the_other_editors_story_untouched()
    {
        var ada = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var bo = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (id, opened) = await _desk.CreateAsync(ada);
        var adaForm = (await _desk.Queries.LoadAsync(ada, id, default)).Story!.Form;
        var boForm = adaForm.Copy();

        adaForm.Title = "Ada's headline";
        var first = await _desk.Commands.SaveAsync(ada, id, adaForm, opened, default);
        boForm.Body = "Bo rewrote the body.";
        var second = await _desk.Commands.SaveAsync(bo, id, boForm, opened, default);

        Assert.True(first.Result.Succeeded, first.Result.Message);
        Assert.Equal(StaffOutcome.Conflict, second.Result.Outcome);
        Assert.Contains("Nothing was saved", second.Result.Message);
        Assert.Contains("Staff editor", second.Result.Message); // who saved it meanwhile
        Assert.NotNull(second.Theirs);
        Assert.Equal("Ada's headline", second.Theirs.Form.Title);
        Assert.Equal(first.Version, second.Theirs.Version);
        var stored = await _desk.ArticleAsync(id);
        Assert.Equal("Ada's headline", stored.Title);
        Assert.NotEqual("Bo rewrote the body.", stored.Body);
        Assert.Equal(first.Version, stored.Version);
        Assert.Equal(2, (await _desk.Queries.RevisionsAsync(ada, id, default)).Revisions.Count);

        // Bo, having seen Ada's version, saves on top of it: nothing of either is lost.
        var merged = second.Theirs.Form.Copy();
        merged.Body = "Bo rewrote the body.";
        var third = await _desk.Commands.SaveAsync(bo, id, merged, second.Theirs.Version, default);
        Assert.True(third.Result.Succeeded, third.Result.Message);
        stored = await _desk.ArticleAsync(id);
        Assert.Equal(("Ada's headline", "Bo rewrote the body."), (stored.Title, stored.Body));
    }

    [Fact]
    public async Task Publishing_from_a_stale_editor_is_refused_too()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (id, opened) = await _desk.CreateAsync(editor);
        var form = (await _desk.Queries.LoadAsync(editor, id, default)).Story!.Form;
        form.Title = "Changed elsewhere";
        Assert.True((await _desk.Commands.SaveAsync(editor, id, form, opened, default)).Result.Succeeded);

        var result = await _desk.Lifecycle.PublishAsync(editor, id, opened, default);

        Assert.Equal(StaffOutcome.Conflict, result.Outcome);
        Assert.Equal(PublisherPortal.Articles.ArticleStatus.Draft, (await _desk.ArticleAsync(id)).Status);
    }
}
