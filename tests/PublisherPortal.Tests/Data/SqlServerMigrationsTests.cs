using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PublisherPortal.Data.Providers;
using PublisherPortal.TestSupport;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// No SQL Server runs on this machine, so its migrations are checked without one: the model has no change missing a
/// migration, and the migrations still produce the reviewed script checked in beside them. Neither check opens a
/// connection; whether the script runs on a real server is not proven here (docs/database.md).
/// </summary>
public sealed class SqlServerMigrationsTests
{
    private const string ReviewedScript = "src/PublisherPortal/Data/Migrations/SqlServer/migrations.sql";

    [Fact]
    public async Task The_sql_server_model_has_no_change_without_a_migration()
    {
        await using var db = SqlServerDatabase.Context();
        PendingModelChanges.AssertNone(db);
    }

    [Fact]
    public async Task The_sql_server_migrations_produce_the_reviewed_script()
    {
        await using var db = SqlServerDatabase.Context();
        var script = Normalize(db.GetService<IMigrator>().GenerateScript());
        var reviewed = Normalize(await File.ReadAllTextAsync(Path.Combine(DevelopmentSettings.RepositoryRoot, ReviewedScript)));

        if (script != reviewed)
        {
            // Leave what the migrations produce now where a reviewer can diff it against the checked-in script.
            var actual = Path.Combine(Path.GetTempPath(), "portal-sqlserver-migrations.actual.sql");
            await File.WriteAllTextAsync(actual, script);
            Assert.Fail($"The SQL Server migrations no longer produce {ReviewedScript} (now: {actual}). If the change is " +
                "meant, regenerate and review the script: src/PublisherPortal/Data/add-migration.sh --script-only (docs/database.md).");
        }

        Assert.Contains("CREATE TABLE [Articles]", script, StringComparison.Ordinal);
    }

    // The script is written by dotnet ef with a byte-order mark; git may check it out with CRLF on Windows.
    private static string Normalize(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
}
