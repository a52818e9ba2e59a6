namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A redis-server of the test's own: 127.0.0.1, a free port, its own folder, nothing saved. Stop and start it again on
/// the same port to play a Redis that went away and came back.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-redis-").FullName;
    private ServerProcess? _process;

    public int Port { get; } = FreePort.Next();

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer();
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        _process = await ServerProcess.StartAsync("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--protected-mode", "yes"],
            Port, "redis-server");
    }

    /// <summary>Kills the server: every client connection drops at once, as when Redis crashes.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
