using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data.Providers;

/// <summary>The model on SQLite (the default): migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>How the site, the design-time tools and the tests all open SQLite, so each sees the same model.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) => options.UseSqlite(connectionString);

    public static SqlitePortalDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        Configure(options, connectionString);
        return new SqlitePortalDbContext(options.Options);
    }
}
