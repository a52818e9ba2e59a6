using System.Data.Common;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// A database's schema as sorted lines (columns, indexes, foreign keys), to compare two databases. The full-text search
/// objects migration AddSearch creates with raw SQL are outside the model (EnsureCreated cannot make them), so they are
/// left out here and checked on their own (SearchSchemaTests).
/// </summary>
internal static class DatabaseSchema
{
    /// <summary>Names of the raw-SQL search objects: SQLite's FTS5 table (and its shadow tables), PostgreSQL's columns and indexes.</summary>
    public static readonly string[] RawSqlSearchObjects =
        ["ArticleSearch", "Articles.SearchHeadline", "Articles.SearchDocument", "IX_Articles_SearchHeadline", "IX_Articles_SearchDocument"];

    public static async Task<List<string>> OfSqliteAsync(string connectionString)
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
        return WithoutSearchObjects(await ReadLinesAsync(connection, sql));
    }

    public static async Task<List<string>> OfPostgresAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' identity=' || is_identity || coalesce(' ' || identity_generation, '')
                   || coalesce(' collate ' || collation_name, '')
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
        return WithoutSearchObjects(await ReadLinesAsync(connection, sql));
    }

    private static List<string> WithoutSearchObjects(List<string> lines) =>
        lines.Where(line => !RawSqlSearchObjects.Any(name => line.Split(' ')[1].StartsWith(name, StringComparison.Ordinal))).ToList();

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
