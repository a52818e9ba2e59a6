using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Portal";
    public const string DefaultSqliteConnectionString = "Data Source=data/portal.db";

    /// <summary>
    /// Registers <see cref="PortalDbContext"/> as the configured provider's context (SQLite by default, PostgreSQL or
    /// SQL Server). An unknown provider name, or a server database without a connection string, fails here, at
    /// start-up, naming the setting, instead of at the first query. EF interceptors registered as
    /// <see cref="IInterceptor"/> (diagnostics; the tests' query counter) apply to every context.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is {provider} but ConnectionStrings:{ConnectionStringName} is empty. Set it, e.g. " +
                (provider == DatabaseProvider.Postgres
                    ? "ConnectionStrings__Portal=\"Host=localhost;Database=portal;Username=portal;Password=...\"."
                    : "ConnectionStrings__Portal=\"Server=db.internal;Database=portal;User Id=portal;Password=...;Encrypt=true\"."));
        }

        return provider switch
        {
            DatabaseProvider.Postgres => services.AddPortalContext<PostgresPortalDbContext>(
                (provided, options) => PostgresPortalDbContext.Configure(Intercepted(options, provided), connectionString!)),
            DatabaseProvider.SqlServer => services.AddPortalContext<SqlServerPortalDbContext>(
                (provided, options) => SqlServerPortalDbContext.Configure(Intercepted(options, provided), connectionString!)),
            _ => services.AddPortalContext<SqlitePortalDbContext>((provided, options) =>
                SqlitePortalDbContext.Configure(Intercepted(options, provided), PrepareSqlite(
                    connectionString ?? DefaultSqliteConnectionString, provided.GetService<IHostEnvironment>()?.ContentRootPath))),
        };
    }

    /// <summary>
    /// One pool of the provider's context serves both ways the app asks for a context: per request (scoped
    /// <see cref="PortalDbContext"/>, returned to the pool when the request's scope ends) and per operation
    /// (<see cref="IDbContextFactory{PortalDbContext}"/>, for staff circuits that live far longer than a request).
    /// </summary>
    private static IServiceCollection AddPortalContext<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : PortalDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<TContext>>();
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }

    private static DbContextOptionsBuilder Intercepted(DbContextOptionsBuilder options, IServiceProvider provided) =>
        provided.GetServices<IInterceptor>().ToArray() is { Length: > 0 } interceptors ? options.AddInterceptors(interceptors) : options;

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

    // A relative file is relative to the app's content root, not to whatever directory the process was started in;
    // and SQLite will not create the folder of its file (a fresh install has no data/ folder yet).
    private static string PrepareSqlite(string connectionString, string? contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return builder.ToString();
        }

        builder.DataSource = contentRoot is null ? Path.GetFullPath(builder.DataSource) : Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
