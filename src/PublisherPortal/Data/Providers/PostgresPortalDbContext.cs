using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data.Providers;

/// <summary>The model on PostgreSQL (production): migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>How the site, the design-time tools and the tests all open PostgreSQL, so each sees the same model.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) => options.UseNpgsql(connectionString);

    public static PostgresPortalDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>();
        Configure(options, connectionString);
        return new PostgresPortalDbContext(options.Options);
    }
}
