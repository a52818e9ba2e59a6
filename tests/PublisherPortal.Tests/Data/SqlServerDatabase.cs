using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

/// <summary>A SQL Server context for model and script checks only: the connection string is never opened.</summary>
internal static class SqlServerDatabase
{
    public static SqlServerPortalDbContext Context() =>
        SqlServerPortalDbContext.Create("Server=127.0.0.1,1;Database=never_opened;User Id=none;Password=none;Encrypt=false");
}
