using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data.Providers;

/// <summary>
/// The model on SQL Server: migrations in Data/Migrations/SqlServer. Two rules keep SQL Server behaving like the other
/// databases: exact (binary) comparison of ids, slugs and keys, and keys within its size limits (docs/database.md).
/// </summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>How the site, the design-time tools and the tests all open SQL Server, so each sees the same model.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) => options.UseSqlServer(connectionString);

    public static SqlServerPortalDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        Configure(options, connectionString);
        return new SqlServerPortalDbContext(options.Options);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Conventions.Add(_ => new ExactMatchCollationConvention());
        configurationBuilder.Conventions.Add(_ => new NonclusteredWideKeyConvention());
    }
}
