using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data.Seed;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Data;

/// <summary>Applies pending migrations at start-up (EF takes a lock, so several instances may start at once) and seeds demo content.</summary>
public sealed partial class DatabaseInitializer(
    PortalDbContext db, DemoContentSeeder seeder, IOptions<PortalOptions> portal, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // MigrateAsync checks the history table itself; asking for pending migrations first makes EF log a failed
        // query against a brand-new database.
        LogMigrating(db.Database.ProviderName ?? "unknown");
        await db.Database.MigrateAsync(cancellationToken);

        if (portal.Value.SeedDemoContent)
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bringing the database up to date on {Provider}")]
    private partial void LogMigrating(string provider);
}
