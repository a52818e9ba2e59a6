using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Preview;
using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Paywall;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>
/// Who may do what in the newsroom, through the services the pages call, with the principal the
/// site's authentication builds from each persona's cookie (the one a circuit holds). Every cell acts on a story of
/// its own; a refused cell must leave that story exactly as it was (same version), an allowed one must succeed.
/// </summary>
public sealed class NewsroomAuthorizationMatrixTests(StaffSite site) : IClassFixture<StaffSite>
{
    private sealed record Cell(Persona Persona, ClaimsPrincipal User, ClaimsPrincipal OwnerEditor, NewsroomDesk Desk, IServiceProvider Services)
    {
        public bool IsStaff => StaffClaims.RoleOf(User) is not null;

        /// <summary>A draft the persona started (or, for someone who cannot start one, an editor's).</summary>
        public async Task<(int Id, Guid Version)> OwnDraftAsync() => await Desk.CreateAsync(IsStaff ? User : OwnerEditor);

        public async Task<(int Id, Guid Version)> OwnPublishedAsync()
        {
            var (id, _) = await OwnDraftAsync();
            return (id, await Desk.PublishAsync(OwnerEditor, id));
        }

        public Task<(int Id, Guid Version)> OthersDraftAsync() => Desk.CreateAsync(OwnerEditor);

        public async Task<(int Id, Guid Version)> OthersPublishedAsync()
        {
            var (id, _) = await OthersDraftAsync();
            return (id, await Desk.PublishAsync(OwnerEditor, id));
        }
    }

    /// <summary>Each action, the least role that may do it, and what it does; the story it acted on, if any.</summary>
    private static readonly Dictionary<string, (StaffRole Least, Func<Cell, Task<(StaffResult Result, int? Story, Guid Before)>> Act)> Actions = new()
    {
        ["list"] = (StaffRole.Contributor, async c =>
            ((await c.Desk.Queries.ListAsync(c.User, new StoryFilter(), 0, 10, default)).Refusal ?? StaffResult.Done("listed"), null, default)),
        ["preview"] = (StaffRole.Contributor, async c =>
            ((await c.Services.GetRequiredService<ReaderPreview>().PreviewAsync(c.User, await c.Desk.FormAsync(), null, default)).Refusal ?? StaffResult.Done("shown"), null, default)),
        ["create"] = (StaffRole.Contributor, async c =>
            ((await c.Desk.Commands.SaveAsync(c.User, null, await c.Desk.FormAsync(), null, default)).Result, null, default)),
        ["save own draft"] = (StaffRole.Contributor, async c =>
        {
            var (id, version) = await c.OwnDraftAsync();
            return (await Edit(c, id, version, f => f.Title += " (edited)"), id, version);
        }),
        ["save own draft with another access level"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OwnDraftAsync();
            return (await Edit(c, id, version, f => f.AccessLevel = AccessLevel.Registered), id, version);
        }),
        ["create with an access level"] = (StaffRole.Editor, async c =>
        {
            var form = await c.Desk.FormAsync();
            form.AccessLevel = AccessLevel.Registered;
            return ((await c.Desk.Commands.SaveAsync(c.User, null, form, null, default)).Result, null, default);
        }),
        ["save own published story"] = (StaffRole.Author, async c =>
        {
            var (id, version) = await c.OwnPublishedAsync();
            return (await Edit(c, id, version, f => f.Title += " (edited)"), id, version);
        }),
        ["save someone else's draft"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OthersDraftAsync();
            return (await Edit(c, id, version, f => f.Title += " (edited)"), id, version);
        }),
        ["publish own"] = (StaffRole.Author, async c =>
        {
            var (id, version) = await c.OwnDraftAsync();
            return (await c.Desk.Lifecycle.PublishAsync(c.User, id, version, default), id, version);
        }),
        ["schedule own"] = (StaffRole.Author, async c =>
        {
            var (id, version) = await c.OwnDraftAsync();
            return (await c.Desk.Lifecycle.ScheduleAsync(c.User, id, version, DateTimeOffset.UtcNow.AddDays(2), default), id, version);
        }),
        ["unpublish own"] = (StaffRole.Author, async c =>
        {
            var (id, version) = await c.OwnPublishedAsync();
            return (await c.Desk.Lifecycle.UnpublishAsync(c.User, id, version, default), id, version);
        }),
        ["publish someone else's"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OthersDraftAsync();
            return (await c.Desk.Lifecycle.PublishAsync(c.User, id, version, default), id, version);
        }),
        ["unpublish someone else's"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OthersPublishedAsync();
            return (await c.Desk.Lifecycle.UnpublishAsync(c.User, id, version, default), id, version);
        }),
        ["change access of own"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OwnPublishedAsync();
            return (await c.Desk.Lifecycle.ChangeAccessAsync(c.User, id, version, AccessLevel.Registered, null, default), id, version);
        }),
        ["restore someone else's revision"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OthersDraftAsync();
            var (revisions, _) = await c.Desk.Queries.RevisionsAsync(c.OwnerEditor, id, default);
            return ((await c.Desk.Commands.RestoreAsync(c.User, id, revisions[^1].Id, version, default)).Result, id, version);
        }),
        ["bulk publish someone else's"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OthersDraftAsync();
            return (await c.Desk.Lifecycle.BulkAsync(c.User, [id], new BulkStoryAction(BulkStoryKind.Publish), default), id, version);
        }),
        ["bulk mark someone else's registered"] = (StaffRole.Editor, async c =>
        {
            var (id, version) = await c.OthersPublishedAsync();
            return (await c.Desk.Lifecycle.BulkAsync(c.User, [id], new BulkStoryAction(BulkStoryKind.ChangeAccess, AccessLevel.Registered), default), id, version);
        }),
        ["add a section"] = (StaffRole.Editor, async c =>
            (await Taxonomy(c).CreateSectionAsync(c.User, "Section " + Guid.NewGuid().ToString("N")[..8], null, default), null, default)),
        ["add a tag"] = (StaffRole.Editor, async c =>
            (await Taxonomy(c).CreateTagAsync(c.User, "Tag " + Guid.NewGuid().ToString("N")[..8], default), null, default)),
        ["merge tags"] = (StaffRole.Editor, async c =>
        {
            var editor = c.OwnerEditor;
            var a = "Tag " + Guid.NewGuid().ToString("N")[..8];
            var b = "Tag " + Guid.NewGuid().ToString("N")[..8];
            Assert.True((await Taxonomy(c).CreateTagAsync(editor, a, default)).Succeeded);
            Assert.True((await Taxonomy(c).CreateTagAsync(editor, b, default)).Succeeded);
            var ids = await c.Desk.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Tags.Where(t => t.Name == a || t.Name == b).OrderBy(t => t.Name == a ? 0 : 1).Select(t => t.Id)));
            return (await Taxonomy(c).MergeTagsAsync(c.User, ids[0], ids[1], default), null, default);
        }),
        ["upload an image"] = (StaffRole.Contributor, async c =>
            ((await c.Services.GetRequiredService<PublisherPortal.Newsroom.Images.ImageUploads>().UploadAsync(
                c.User, new MemoryStream(PublisherPortal.Tests.Media.TestImages.Png(2, 2)), default)).Result, null, default)),
        ["add an author"] = (StaffRole.Editor, async c =>
            (await Taxonomy(c).SaveAuthorAsync(c.User, null, "Author " + Guid.NewGuid().ToString("N")[..8], "Reporter", "Writes.", null, default), null, default)),
    };

    private static PublisherPortal.Newsroom.Taxonomy.TaxonomyCommands Taxonomy(Cell c) =>
        c.Services.GetRequiredService<PublisherPortal.Newsroom.Taxonomy.TaxonomyCommands>();

    public static TheoryData<string, string> ActionCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in StaffAuthorizationMatrixTestsPersonas)
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(persona, action);
            }
        }

        return data;
    }

    private static readonly string[] StaffAuthorizationMatrixTestsPersonas = PublisherPortal.Tests.Staff.StaffAuthorizationMatrixTests.Personas;

    [Theory]
    [MemberData(nameof(ActionCells))]
    public async Task Each_newsroom_action_is_allowed_to_the_roles_issue_12_names_and_refused_to_everyone_else(string persona, string action)
    {
        var who = await site.PersonaAsync(persona);
        var owner = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var cell = new Cell(who, await who.PrincipalAsync(), owner, new NewsroomDesk(site), site.Services);
        var (least, act) = Actions[action];

        var (result, story, before) = await act(cell);

        if (Enum.TryParse<StaffRole>(persona, ignoreCase: true, out var role) && role >= least)
        {
            Assert.True(result.Succeeded, $"{persona} may {action} but was told: {result.Message}");
        }
        else
        {
            Assert.Equal(StaffOutcome.Refused, result.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
            if (story is { } id)
            {
                Assert.Equal(before, await cell.Desk.VersionAsync(id)); // refused means untouched
            }
        }
    }

    private static async Task<StaffResult> Edit(Cell cell, int id, Guid version, Action<StoryForm> change)
    {
        var (story, _) = await cell.Desk.Queries.LoadAsync(cell.OwnerEditor, id, default);
        var form = story!.Form.Copy();
        change(form);
        return (await cell.Desk.Commands.SaveAsync(cell.User, id, form, version, default)).Result;
    }
}
