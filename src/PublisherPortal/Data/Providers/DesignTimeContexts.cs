using Microsoft.EntityFrameworkCore.Design;

namespace PublisherPortal.Data.Providers;

/// <summary>
/// What <c>dotnet ef</c> uses to build each provider's model when adding a migration or writing a script, instead of
/// starting the site (whose settings name one provider only). Neither command opens a connection, so the connection
/// strings are placeholders: point <c>dotnet ef database update</c> at a real server with <c>--connection</c>.
/// </summary>
public sealed class DesignTimeContexts :
    IDesignTimeDbContextFactory<SqlitePortalDbContext>,
    IDesignTimeDbContextFactory<PostgresPortalDbContext>,
    IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    SqlitePortalDbContext IDesignTimeDbContextFactory<SqlitePortalDbContext>.CreateDbContext(string[] args) =>
        SqlitePortalDbContext.Create("Data Source=design-time.db");

    PostgresPortalDbContext IDesignTimeDbContextFactory<PostgresPortalDbContext>.CreateDbContext(string[] args) =>
        PostgresPortalDbContext.Create("Host=localhost;Database=portal");

    SqlServerPortalDbContext IDesignTimeDbContextFactory<SqlServerPortalDbContext>.CreateDbContext(string[] args) =>
        SqlServerPortalDbContext.Create("Server=localhost;Database=portal;Integrated Security=true;TrustServerCertificate=true");
}
