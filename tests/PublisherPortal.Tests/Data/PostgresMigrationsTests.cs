using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

/// <summary>PostgreSQL's migrations (Data/Migrations/Postgres) against its model and a real server.</summary>
public sealed class PostgresMigrationsTests
{
    [Fact]
    public async Task The_postgres_model_has_no_change_without_a_migration()
    {
        await using var db = PostgresPortalDbContext.Create("Host=127.0.0.1;Database=unused");
        PendingModelChanges.AssertNone(db);
    }

    [Fact]
    public async Task A_migrated_postgres_database_has_the_schema_the_model_creates()
    {
        await using var migrated = await PostgresDatabase.CreateAsync();
        await using var created = await PostgresDatabase.CreateAsync();
        await using (var db = PostgresPortalDbContext.Create(migrated.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = PostgresPortalDbContext.Create(created.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DatabaseSchema.OfPostgresAsync(created.ConnectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await DatabaseSchema.OfPostgresAsync(migrated.ConnectionString));
    }

    [Fact]
    public async Task A_postgres_database_migrated_by_the_hand_written_history_upgrades_in_place()
    {
        await using var field = await PostgresDatabase.CreateAsync();
        await using var created = await PostgresDatabase.CreateAsync();
        await using (var db = PostgresPortalDbContext.Create(field.ConnectionString))
        {
            // Where databases in the field may stand: every migration they may carry applied, under its id.
            await db.GetService<IMigrator>().MigrateAsync(FieldHistory.Last);
            Assert.Equal(FieldHistory.Ids, await db.Database.GetAppliedMigrationsAsync());

            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = PostgresPortalDbContext.Create(created.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        Assert.Equal(await DatabaseSchema.OfPostgresAsync(created.ConnectionString), await DatabaseSchema.OfPostgresAsync(field.ConnectionString));
    }
}
