using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>A SQLite database file of its own for one test, deleted afterwards.</summary>
public sealed class SqliteFile : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    public PortalDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
