using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The newsroom's services on one test site, and the few moves every newsroom test makes: write a story, publish it, read it back.</summary>
public sealed class NewsroomDesk(PortalFactory site)
{
    public StoryCommands Commands => site.Services.GetRequiredService<StoryCommands>();
    public StoryLifecycle Lifecycle => site.Services.GetRequiredService<StoryLifecycle>();
    public StoryQueries Queries => site.Services.GetRequiredService<StoryQueries>();

    /// <summary>A complete, valid story with a word no demo story has, so a test can look for it in any channel.</summary>
    public async Task<StoryForm> FormAsync(string? marker = null)
    {
        marker ??= "zq" + Guid.NewGuid().ToString("N")[..10];
        var section = await DbAsync(db => db.Sections.OrderBy(s => s.Position).Select(s => s.Id).FirstAsync());
        var author = await DbAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        return new StoryForm
        {
            Title = $"Harbour story {marker}",
            Summary = $"The standfirst of {marker}.",
            Body = $"First paragraph {marker}.\n\nSecond paragraph.\n\nThird paragraph, the premium part {marker}-premium.",
            SectionId = section,
            AuthorIds = [author],
            Tags = ["harbour"],
        };
    }

    /// <summary>A story for Plus subscribers with one teaser paragraph (its third paragraph, "…-premium", is for Plus only).</summary>
    public async Task<StoryForm> PlusFormAsync(string marker)
    {
        var form = await FormAsync(marker);
        form.AccessLevel = PublisherPortal.Paywall.AccessLevel.Tier;
        form.MinimumTierId = await DbAsync(db => db.AccessTiers.Where(t => t.Slug == "plus").Select(t => t.Id).SingleAsync());
        form.TeaserParagraphs = 1;
        return form;
    }

    /// <summary>Creates a story as <paramref name="user"/>; fails the test if that is refused.</summary>
    public async Task<(int Id, Guid Version)> CreateAsync(ClaimsPrincipal user, StoryForm? form = null)
    {
        var saved = await Commands.SaveAsync(user, null, form ?? await FormAsync(), null, default);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        return (saved.Id!.Value, saved.Version!.Value);
    }

    public async Task<Guid> PublishAsync(ClaimsPrincipal user, int id)
    {
        var result = await Lifecycle.PublishAsync(user, id, null, default);
        Assert.True(result.Succeeded, result.Message);
        return await VersionAsync(id);
    }

    public Task<Guid> VersionAsync(int id) => DbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    public Task<Article> ArticleAsync(int id) => DbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    public async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<int> AuditCountAsync(string action, int id) =>
        DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.Target.StartsWith($"article {id} ")));

    public static async Task<StaffResult> Result(Task<StorySave> save) => (await save).Result;
}
