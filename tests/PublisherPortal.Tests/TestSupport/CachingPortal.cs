using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Articles;
using PublisherPortal.Caching;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A test site that shows what the cache does: it counts database commands (<see cref="Queries"/>), lets a test be
/// the newsroom (write through EF, then announce through <see cref="ContentChanges"/>, as every write must) or change
/// the database behind the site's back (<see cref="SilentlyAsync"/>: what the cache cannot know until told), and
/// answers two test-only request headers: <see cref="OtherReaderHeader"/> signs a reader in without any session
/// cookie (another authentication scheme), <see cref="SetCookieHeader"/> makes the response set a cookie.
/// </summary>
public class CachingPortal : PortalFactory
{
    public const string OtherReaderHeader = "X-Test-Other-Reader";
    public const string SetCookieHeader = "X-Test-Set-Cookie";

    public CachingPortal()
        : this(PortalSetup.Offline)
    {
    }

    /// <summary>Another setup (a shared database: a second instance). Not public: xunit fixtures have one public constructor.</summary>
    internal CachingPortal(PortalSetup setup)
        : base(setup)
    {
    }

    public QueryCounter Queries { get; } = new();

    public ContentMemory Memory => Services.GetRequiredService<ContentMemory>();

    public ContentChanges Changes => Services.GetRequiredService<ContentChanges>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Queries);
            services.AddSingleton<IStartupFilter, TestHeaders>();
        });
    }

    /// <summary>Whether this path's anonymous page is held in memory now (pages whose key has no query parameters).</summary>
    public bool IsCached(string path) => Memory.TryGet("page:" + path, Clock.GetUtcNow(), out _);

    public async Task<T> WithDatabaseAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<int> IdOfAsync(string slug) => WithDatabaseAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());

    /// <summary>What the newsroom does: edit a story through EF (a new revision), then announce it with its listing before and after.</summary>
    public async Task EditStoryAsync(string slug, Action<Article> edit)
    {
        var (before, after) = await WithDatabaseAsync(async db =>
        {
            var article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).SingleAsync(a => a.Slug == slug);
            var before = StoryListing.Of(article);
            edit(article);
            article.Version = Guid.NewGuid();
            article.UpdatedAt = Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return (before, StoryListing.Of(article));
        });
        await Changes.StoryChangedAsync(before, after);
    }

    /// <summary>What the newsroom does to publish: add a story through EF, then announce it.</summary>
    public async Task<Article> AddStoryAsync(Func<PortalDbContext, Task<Article>> create)
    {
        var article = await WithDatabaseAsync(async db =>
        {
            var article = await create(db);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        });
        await Changes.StoryChangedAsync(null, StoryListing.Of(article));
        return article;
    }

    /// <summary>Changes the database behind the site's back: nothing is announced, so every cache still holds the old content.</summary>
    public Task<int> SilentlyAsync(FormattableString sql) => WithDatabaseAsync(db => db.Database.ExecuteSqlAsync(sql));

    private sealed class TestHeaders : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[OtherReaderHeader].ToString() is { Length: > 0 } name)
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(
                        [new Claim(OidcClaimTypes.Name, name), new Claim(OidcClaimTypes.Subject, "other-" + name)], "other-scheme", OidcClaimTypes.Name, OidcClaimTypes.Role));
                }

                if (context.Request.Headers[SetCookieHeader].ToString() is { Length: > 0 } value)
                {
                    context.Response.Cookies.Append("test.cookie", value);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
