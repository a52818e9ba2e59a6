using PublisherPortal.Newsroom.Revisions;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>Every save is a revision with who and when; any two can be diffed and any one restored.</summary>
public sealed class RevisionTests(StaffSite site) : IClassFixture<StaffSite>
{
    private readonly NewsroomDesk _desk = new(site);

    [Fact]
    public async Task Each_save_is_a_revision_two_diff_line_by_line_and_a_restore_brings_one_back_as_a_new_revision()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var form = await _desk.FormAsync();
        form.Title = "First headline";
        form.Body = "Opening line.\n\nMiddle line.";
        var (id, version) = await _desk.CreateAsync(editor, form);
        form.Title = "Second headline";
        form.Body = "Opening line.\n\nMiddle line, rewritten.\n\nClosing line.";
        version = (await _desk.Commands.SaveAsync(editor, id, form, version, default)).Version!.Value;

        var (revisions, refusal) = await _desk.Queries.RevisionsAsync(editor, id, default);

        Assert.Null(refusal);
        Assert.Equal(2, revisions.Count);
        Assert.All(revisions, r => Assert.Equal("Staff editor", r.ActorName));
        Assert.Equal(site.Now.UtcDateTime, revisions[0].At);
        var (lines, _) = await _desk.Queries.DiffAsync(editor, id, revisions[1].Id, revisions[0].Id, default);
        Assert.Contains(new DiffLine(DiffKind.Removed, "Title: First headline"), lines);
        Assert.Contains(new DiffLine(DiffKind.Added, "Title: Second headline"), lines);
        Assert.Contains(new DiffLine(DiffKind.Same, "Opening line."), lines);
        Assert.Contains(new DiffLine(DiffKind.Removed, "Middle line."), lines);
        Assert.Contains(new DiffLine(DiffKind.Added, "Closing line."), lines);

        var restored = await _desk.Commands.RestoreAsync(editor, id, revisions[1].Id, version, default);

        Assert.True(restored.Result.Succeeded, restored.Result.Message);
        var article = await _desk.ArticleAsync(id);
        Assert.Equal(("First headline", "Opening line.\n\nMiddle line."), (article.Title, article.Body));
        Assert.Equal(3, (await _desk.Queries.RevisionsAsync(editor, id, default)).Revisions.Count);
        Assert.Equal(1, await _desk.AuditCountAsync(AuditActions.ArticleRestore, id));
    }

    [Fact]
    public async Task A_revision_of_another_story_cannot_be_restored_into_this_one()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var (a, _) = await _desk.CreateAsync(editor);
        var (b, version) = await _desk.CreateAsync(editor);
        var foreign = (await _desk.Queries.RevisionsAsync(editor, a, default)).Revisions[0].Id;

        var result = await _desk.Commands.RestoreAsync(editor, b, foreign, version, default);

        Assert.False(result.Result.Succeeded);
        Assert.Equal(version, await _desk.VersionAsync(b));
    }
}
