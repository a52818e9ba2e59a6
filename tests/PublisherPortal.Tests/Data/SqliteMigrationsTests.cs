using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Tests.Data;

/// <summary>SQLite's migrations (Data/Migrations/Sqlite) against its model and a real database file.</summary>
public sealed class SqliteMigrationsTests
{
    [Fact]
    public async Task The_sqlite_model_has_no_change_without_a_migration()
    {
        await using var sqlite = new SqliteFile();
        await using var db = sqlite.CreateContext();
        PendingModelChanges.AssertNone(db);
    }

    [Fact]
    public async Task A_migrated_sqlite_database_has_the_schema_the_model_creates()
    {
        await using var migrated = new SqliteFile();
        await using var created = new SqliteFile();
        await using (var db = migrated.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = created.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DatabaseSchema.OfSqliteAsync(created.ConnectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await DatabaseSchema.OfSqliteAsync(migrated.ConnectionString));
    }

    [Fact]
    public async Task A_sqlite_database_migrated_by_the_hand_written_history_upgrades_in_place()
    {
        await using var sqlite = new SqliteFile();
        await using var created = new SqliteFile();
        await using (var db = sqlite.CreateContext())
        {
            // Where databases in the field may stand: every migration they may carry applied, under its id.
            await db.GetService<IMigrator>().MigrateAsync(FieldHistory.Last);
            Assert.Equal(FieldHistory.Ids, await db.Database.GetAppliedMigrationsAsync());

            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = created.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        Assert.Equal(await DatabaseSchema.OfSqliteAsync(created.ConnectionString), await DatabaseSchema.OfSqliteAsync(sqlite.ConnectionString));
    }
}
