using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// The full-text search objects that migration AddSearch creates with raw SQL (outside the model): present after every
/// migration, on SQLite (FTS5 table and the triggers that keep it current; a later migration that rebuilds Articles
/// drops its triggers, docs/database.md) and on PostgreSQL (generated tsvector columns, GIN indexes).
/// </summary>
public sealed class SearchSchemaTests
{
    [Fact]
    public async Task A_migrated_sqlite_database_has_the_search_table_and_the_triggers_that_keep_it_current()
    {
        await using var sqlite = new SqliteFile();
        await using (var db = sqlite.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(sqlite.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || coalesce(tbl_name, '') FROM sqlite_master WHERE name LIKE 'Articles_ArticleSearch%' OR name = 'ArticleSearch' ORDER BY name";
        var objects = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                objects.Add(reader.GetString(0));
            }
        }

        Assert.Equal(
        [
            "table ArticleSearch ArticleSearch",
            "trigger Articles_ArticleSearch_Delete Articles",
            "trigger Articles_ArticleSearch_Insert Articles",
            "trigger Articles_ArticleSearch_Update Articles",
        ], objects);
    }

    [Fact]
    public async Task A_migrated_postgres_database_has_generated_search_columns_with_gin_indexes()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var db = PostgresPortalDbContext.Create(database.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT column_name || ' ' || data_type || ' ' || is_generated FROM information_schema.columns
             WHERE table_name = 'Articles' AND column_name LIKE 'Search%'
            UNION ALL
            SELECT indexname || ' ' || (indexdef LIKE '%USING gin%')::text FROM pg_indexes WHERE indexname LIKE 'IX_Articles_Search%'
            ORDER BY 1
            """, connection);
        var objects = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                objects.Add(reader.GetString(0));
            }
        }

        Assert.Equal(
        [
            "IX_Articles_SearchDocument true",
            "IX_Articles_SearchHeadline true",
            "SearchDocument tsvector ALWAYS",
            "SearchHeadline tsvector ALWAYS",
        ], objects);
    }
}
