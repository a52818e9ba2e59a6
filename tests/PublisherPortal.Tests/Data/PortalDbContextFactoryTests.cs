using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// Staff circuits ask for <see cref="IDbContextFactory{PortalDbContext}"/>; EF only knows the provider's own context
/// type. The adapter must hand out the configured provider's context, a fresh one each time, on the same pool as the
/// request-scoped context.
/// </summary>
public sealed class PortalDbContextFactoryTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=:memory:", typeof(SqlitePortalDbContext))]
    [InlineData("Postgres", "Host=127.0.0.1;Database=unused", typeof(PostgresPortalDbContext))]
    [InlineData("SqlServer", "Server=127.0.0.1,1;Database=unused", typeof(SqlServerPortalDbContext))]
    public async Task The_factory_hands_out_the_configured_providers_context_a_new_one_each_time(string provider, string connectionString, Type expected)
    {
        await using var services = new ServiceCollection()
            .AddPortalDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = connectionString,
            }).Build())
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        await using var first = await factory.CreateDbContextAsync();
        await using var second = factory.CreateDbContext();

        Assert.IsType(expected, first);
        Assert.IsType(expected, second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task A_context_from_the_factory_reads_what_a_request_scoped_one_wrote()
    {
        var path = Path.Combine(Path.GetTempPath(), $"factory-{Guid.NewGuid():N}.db");
        try
        {
            await using var services = new ServiceCollection()
                .AddPortalDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={path}" }).Build())
                .BuildServiceProvider();
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.Database.EnsureCreatedAsync();
                db.AccessTiers.Add(new PublisherPortal.Entitlements.AccessTier { Name = "Gold", Slug = "gold", Rank = 3 });
                await db.SaveChangesAsync();
            }

            await using var fromFactory = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Equal("Gold", (await fromFactory.AccessTiers.SingleAsync()).Name);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
