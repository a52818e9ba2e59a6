using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

public sealed class DatabaseRegistrationTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=:memory:", typeof(SqlitePortalDbContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("Postgres", "Host=127.0.0.1;Database=unused", typeof(PostgresPortalDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("sqlserver", "Server=127.0.0.1,1;Database=unused", typeof(SqlServerPortalDbContext), "Microsoft.EntityFrameworkCore.SqlServer")]
    public async Task The_configured_provider_decides_which_context_the_site_injects(
        string provider, string connectionString, Type context, string providerName)
    {
        await using var services = Services(new() { ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = connectionString });
        await using var scope = services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.IsType(context, db);
        Assert.Equal(providerName, db.Database.ProviderName);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void A_server_database_without_a_connection_string_stops_start_up_naming_the_setting(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Database:Provider"] = provider }));

        Assert.Contains("ConnectionStrings:Portal", error.Message, StringComparison.Ordinal);
        Assert.Contains(provider, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddPortalDatabase(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
