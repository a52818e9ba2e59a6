using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// The migrations are hand-written (no EF design-time package here), so these tests are what keeps them honest:
/// the snapshot must equal the model, and a migrated database must equal one created straight from the model,
/// on SQLite and on a real PostgreSQL server.
/// </summary>
public sealed class MigrationsDriftTests
{
    [Fact]
    public async Task The_snapshot_matches_the_model_on_sqlite()
    {
        await using var sqlite = new SqliteFile();
        await using var db = sqlite.CreateContext();
        AssertSnapshotMatchesModel(db);
    }

    [Fact]
    public async Task The_snapshot_matches_the_model_on_postgres()
    {
        await using var postgres = await PostgresDatabase.CreateAsync();
        await using var db = CreatePostgresContext(postgres.ConnectionString);
        AssertSnapshotMatchesModel(db);
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

        var expected = await SqliteSchemaAsync(created.ConnectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SqliteSchemaAsync(migrated.ConnectionString));
    }

    [Fact]
    public async Task A_migrated_postgres_database_has_the_schema_the_model_creates()
    {
        await using var migrated = await PostgresDatabase.CreateAsync();
        await using var created = await PostgresDatabase.CreateAsync();
        await using (var db = CreatePostgresContext(migrated.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = CreatePostgresContext(created.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await PostgresSchemaAsync(created.ConnectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await PostgresSchemaAsync(migrated.ConnectionString));
    }

    private static void AssertSnapshotMatchesModel(PortalDbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
        Assert.NotNull(snapshot);
        IModel snapshotModel = snapshot.Model is IMutableModel mutable ? mutable.FinalizeModel() : snapshot.Model;
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshotModel.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.True(differences.Count == 0,
            "The model changed without a migration (or the snapshot was not updated): " +
            string.Join("; ", differences.Select(Describe)));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AddColumnOperation c => $"add column {c.Table}.{c.Name}",
        DropColumnOperation c => $"drop column {c.Table}.{c.Name}",
        AlterColumnOperation c => $"alter column {c.Table}.{c.Name}",
        CreateIndexOperation i => $"create index {i.Name}",
        DropIndexOperation i => $"drop index {i.Name}",
        CreateTableOperation t => $"create table {t.Name}",
        DropTableOperation t => $"drop table {t.Name}",
        _ => operation.GetType().Name,
    };

    private static PortalDbContext CreatePostgresContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<List<string>> SqliteSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
            UNION ALL
            SELECT 'index ' || m.name || '.' || l.name || ' unique=' || l."unique" || ' cols=' ||
                   (SELECT group_concat(i.name, ',') FROM pragma_index_info(l.name) i)
              FROM sqlite_master m JOIN pragma_index_list(m.name) l
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
            UNION ALL
            SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
            """;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        return await ReadLinesAsync(connection, sql);
    }

    private static async Task<List<string>> PostgresSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' identity=' || is_identity || coalesce(' ' || identity_generation, '')
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'
            UNION ALL
            SELECT 'fk ' || tc.constraint_name || ' ' || tc.table_name || ' on delete ' || rc.delete_rule
              FROM information_schema.table_constraints tc
              JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """;
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return await ReadLinesAsync(connection, sql);
    }

    private static async Task<List<string>> ReadLinesAsync(DbConnection connection, string sql)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
