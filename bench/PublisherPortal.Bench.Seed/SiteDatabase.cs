using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublisherPortal.Composition;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// The site's own database, reached through the site's own start-up: the same settings sources, the same
/// registration of <see cref="PortalDbContext"/> (whichever provider and context type sits behind it) and the same
/// migrations (<see cref="PortalApplicationExtensions.PrepareDatabaseAsync"/>), as Program.cs does it, without
/// starting the web server. Nothing here knows the provider, the migrations or the schema.
/// </summary>
internal sealed class SiteDatabase : IAsyncDisposable
{
    // Neither Development (stand-in providers, demo seeding) nor Production (which may demand settings a load
    // generator has no use for, such as key-encryption certificates): the site's defaults, nothing more.
    private const string EnvironmentName = "Bench";

    private readonly WebApplication app;

    private SiteDatabase(WebApplication app) => this.app = app;

    public static async Task<SiteDatabase> OpenAsync(string[] siteArguments, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = siteArguments, EnvironmentName = EnvironmentName });
        builder.Configuration.UseRepositorySettings(builder.Environment);
        // The generator writes the stories itself; the demo publication must not be seeded underneath them.
        builder.Configuration.AddInMemoryCollection([
            new("Portal:SeedDemoContent", "false"),
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Warning"),
        ]);
        builder.AddPortal();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return new SiteDatabase(app);
    }

    public string ProviderName
    {
        get
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ProviderName ?? "unknown";
        }
    }

    /// <summary>A fresh context for one unit of work; bulk loading uses one per batch so nothing stays tracked.</summary>
    public async Task<T> WithContextAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return await work(db);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
