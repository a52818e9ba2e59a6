using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// What SQL Server would refuse or compare differently, checked on its model without a server: key and index sizes
/// (a clustered key holds at most 900 bytes, a nonclustered one 1,700, at most 32 columns, never an nvarchar(max)),
/// and binary collation wherever ids, slugs and keys must match exactly.
/// </summary>
public sealed partial class SqlServerModelTests
{
    private const int ClusteredLimit = 900;
    private const int NonclusteredLimit = 1700;
    private const int MaxKeyColumns = 32;
    private const string Binary = "Latin1_General_100_BIN2";

    [Fact]
    public async Task Every_sql_server_key_and_index_fits_the_servers_limits()
    {
        await using var db = SqlServerDatabase.Context();
        var problems = new List<string>();
        foreach (var table in RelationalModel(db).Tables)
        {
            var keys = table.UniqueConstraints
                .Select(k => (Name: k.Name, k.Columns, Clustered: k.MappedKeys.First().IsClustered() ?? k.GetIsPrimaryKey()))
                .Concat(table.Indexes.Select(i => (Name: i.Name, i.Columns, Clustered: i.MappedIndexes.First().IsClustered() ?? false)));
            foreach (var (name, columns, clustered) in keys)
            {
                var bytes = columns.Sum(c => MaxBytes(c.StoreType));
                var limit = clustered ? ClusteredLimit : NonclusteredLimit;
                if (bytes > limit || columns.Count > MaxKeyColumns)
                {
                    problems.Add($"{table.Name}.{name} ({(clustered ? "clustered" : "nonclustered")}, " +
                        $"{string.Join(", ", columns.Select(c => $"{c.Name} {c.StoreType}"))}): {bytes} bytes, limit {limit}");
                }
            }
        }

        Assert.True(problems.Count == 0, "Keys SQL Server would refuse or fail on: " + string.Join("; ", problems));
    }

    [Fact]
    public async Task Sql_server_compares_every_key_and_indexed_text_column_exactly()
    {
        await using var db = SqlServerDatabase.Context();
        var notBinary = RelationalModel(db).Tables
            .SelectMany(t => t.UniqueConstraints.SelectMany(k => k.Columns)
                .Concat(t.Indexes.SelectMany(i => i.Columns))
                .Concat(t.ForeignKeyConstraints.SelectMany(f => f.Columns)))
            .Where(c => IsText(c.StoreType) && c.Collation != Binary)
            .Select(c => $"{c.Table.Name}.{c.Name} ({c.Collation ?? "server default"})")
            .Distinct()
            .ToList();

        Assert.True(notBinary.Count == 0, "Matched case-insensitively on SQL Server: " + string.Join(", ", notBinary));
    }

    [Theory]
    [InlineData("ReaderSessions", "Id")]
    [InlineData("ReaderSessions", "ProviderSessionId")]
    [InlineData("Articles", "Slug")]
    [InlineData("Sections", "Slug")]
    [InlineData("KnownReaders", "Issuer")]
    [InlineData("KnownReaders", "Subject")]
    [InlineData("PlanMappings", "PlanKey")]
    public async Task Sql_server_matches_session_ids_slugs_and_reader_keys_exactly(string table, string column)
    {
        await using var db = SqlServerDatabase.Context();
        var found = RelationalModel(db).FindTable(table, null)?.FindColumn(column);

        Assert.NotNull(found);
        Assert.Equal(Binary, found.Collation);
    }

    [Fact]
    public async Task Sql_server_keeps_its_own_collation_for_free_text()
    {
        await using var db = SqlServerDatabase.Context();
        Assert.Null(RelationalModel(db).FindTable("Articles", null)!.FindColumn("Title")!.Collation);
    }

    private static IRelationalModel RelationalModel(DbContext db) => db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    private static bool IsText(string storeType) => TextType().IsMatch(storeType);

    /// <summary>Bytes SQL Server may store in a key column of this type; nvarchar(max) and unknown types cannot be key columns.</summary>
    private static int MaxBytes(string storeType)
    {
        var sized = SizedType().Match(storeType);
        if (sized.Success)
        {
            return sized.Groups["size"].Value == "max"
                ? int.MaxValue / 64
                : int.Parse(sized.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture) * (sized.Groups["type"].Value.StartsWith('n') ? 2 : 1);
        }

        return storeType switch
        {
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" => 4,
            "bigint" or "float" or "datetime2" or "datetime" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            _ => throw new InvalidOperationException($"Unknown key column type {storeType}: teach this test its size."),
        };
    }

    [GeneratedRegex("^(?<type>nvarchar|varchar|nchar|char|varbinary|binary)\\((?<size>max|\\d+)\\)$")]
    private static partial Regex SizedType();

    [GeneratedRegex("^n?(var)?char\\(")]
    private static partial Regex TextType();
}
