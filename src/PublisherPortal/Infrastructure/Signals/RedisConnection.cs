using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// The one connection to Redis, shared by the signals transport and the readiness check. It never fails start-up:
/// StackExchange.Redis keeps reconnecting in the background (exponential retry, up to half a minute), and every lost
/// and restored connection is logged.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(options.Value, logger));

    public Task<ConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>The connection if it was made, without waiting for it.</summary>
    public ConnectionMultiplexer? Current => _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully ? _connection.Value.Result : null;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(RedisOptions settings, ILogger logger)
    {
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(500, 30_000);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 5_000);
        configuration.ClientName ??= "PublisherPortal";
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        connection.ConnectionFailed += (_, e) => LogLost(logger, e.EndPoint?.ToString() ?? "?", e.FailureType.ToString());
        connection.ConnectionRestored += (_, e) => LogRestored(logger, e.EndPoint?.ToString() ?? "?");
        if (!connection.IsConnected)
        {
            LogNotYet(logger, string.Join(", ", configuration.EndPoints.Select(e => e.ToString())));
        }

        return connection;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Lost the connection to Redis at {Endpoint} ({Failure}); until it is back, a session ended elsewhere works here until " +
                  "Sessions:CacheLifetime runs out. Reconnecting")]
    private static partial void LogLost(ILogger logger, string endpoint, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connected to Redis at {Endpoint} again")]
    private static partial void LogRestored(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis at {Endpoints} is not reachable yet; signals between instances wait for it, reconnecting in the background")]
    private static partial void LogNotYet(ILogger logger, string endpoints);
}
