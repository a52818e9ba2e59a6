using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data;

/// <summary>Applies pending migrations at start-up (EF takes a lock, so several instances may start at once).</summary>
public sealed partial class DatabaseInitializer(PortalDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // MigrateAsync checks the history table itself; asking for pending migrations first makes EF log a failed
        // query against a brand-new database.
        LogMigrating(db.Database.ProviderName ?? "unknown");
        await db.Database.MigrateAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bringing the database up to date on {Provider}")]
    private partial void LogMigrating(string provider);
}
