using Npgsql;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A throwaway database on the real PostgreSQL server that ./test.sh starts. The server must be there: a missing
/// server is a failure with instructions, never a silent skip.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=portal;Password=portal";
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") ?? DefaultServer;
        var database = new PostgresDatabase(server, $"portal_test_{Guid.NewGuid():N}");
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                "These tests need a PostgreSQL server. ./test.sh installs and starts one; or set PORTAL_TEST_POSTGRES " +
                $"to a server where the login may CREATE DATABASE (and, to drop a database an autovacuum worker is in, is a member of pg_signal_backend). Tried: {new NpgsqlConnectionStringBuilder(server) { Password = null }}", e);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
