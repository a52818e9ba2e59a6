using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Portal";
    public const string DefaultSqliteConnectionString = "Data Source=data/portal.db";

    /// <summary>
    /// Registers <see cref="PortalDbContext"/> on SQLite (default) or PostgreSQL. An unknown provider name fails here,
    /// at start-up, naming the setting, instead of at the first query.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is Postgres but ConnectionStrings:{ConnectionStringName} is empty. " +
                "Set it, e.g. ConnectionStrings__Portal=\"Host=localhost;Database=portal;Username=portal;Password=...\".");
        }

        services.AddDbContextPool<PortalDbContext>(options =>
        {
            if (provider == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(connectionString);
            }
            else
            {
                options.UseSqlite(PrepareSqlite(connectionString ?? DefaultSqliteConnectionString));
            }
        });
        return services;
    }

    internal static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"{ProviderKey} is '{value}', which is not a supported database provider. Use one of: " +
                string.Join(", ", Enum.GetNames<DatabaseProvider>()) + ".");
    }

    // SQLite will not create the folder of its file; a fresh clone has no data/ folder yet.
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory && builder.DataSource != ":memory:" && directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
