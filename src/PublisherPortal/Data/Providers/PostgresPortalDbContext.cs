using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data.Providers;

/// <summary>The model on PostgreSQL (production): migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>
    /// How the site, the design-time tools and the tests all open PostgreSQL, so each sees the same model. A command that
    /// meets a connection the server dropped (a database restart leaves the pool full of them) is retried on a fresh
    /// one instead of failing the request (docs/operations.md, "When something is down"); the site opens no
    /// transactions of its own, which a retrying strategy would refuse.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null));

    public static PostgresPortalDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>();
        Configure(options, connectionString);
        return new PostgresPortalDbContext(options.Options);
    }
}
