using Microsoft.Data.Sqlite;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>A SQLite database file of its own for one test, deleted afterwards.</summary>
public sealed class SqliteFile : IAsyncDisposable
{
    private readonly string _path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.db");

    public string Path => _path;

    public string ConnectionString => $"Data Source={_path}";

    public SqlitePortalDbContext CreateContext() => SqlitePortalDbContext.Create(ConnectionString);

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
