using Npgsql;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// Signals through the site's own PostgreSQL database: <c>NOTIFY portal_signals</c> to send, one dedicated connection
/// that <c>LISTEN</c>s to receive. PostgreSQL delivers a notification to every listening session when the sending one
/// commits, in milliseconds. A lost listening connection (a database restart, a network cut) is logged as an error
/// and reopened after <see cref="ReconnectDelay"/>; it is checked with a query whenever nothing arrived for a while,
/// so a silently dead connection is noticed too.
/// </summary>
public sealed partial class PostgresSignalTransport : ISignalTransport, IAsyncDisposable
{
    public const string ChannelName = "portal_signals";

    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(10);
    private readonly string _listenConnectionString;
    private readonly NpgsqlDataSource _senders;
    private readonly ILogger<PostgresSignalTransport> _logger;
    private volatile bool _listening;

    public PostgresSignalTransport(string connectionString, ILogger<PostgresSignalTransport> logger)
    {
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Sends are short: a small pool of their own, failing fast when the server is away.
        _senders = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = Math.Min(builder.Timeout, 5), CommandTimeout = 5, MaxPoolSize = 4,
        }.ConnectionString);
        // The listener's connection is its own, never returned to a pool that would reset its LISTEN.
        _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, Timeout = Math.Min(builder.Timeout, 5), CommandTimeout = 5, KeepAlive = 10,
        }.ConnectionString;
    }

    public string Name => "PostgreSQL LISTEN/NOTIFY";

    public bool IsListening => _listening;

    public async Task SendAsync(SignalEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var command = _senders.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", ChannelName);
        command.Parameters.AddWithValue("payload", envelope.ToPayload());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ListenAsync(Action<SignalEnvelope> received, CancellationToken stoppingToken)
    {
        var delay = new ReconnectDelay();
        DateTimeOffset? lostAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == ChannelName && SignalEnvelope.TryParse(e.Payload, out var envelope))
                    {
                        received(envelope);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening = true;
                delay.Reset();
                if (lostAt is { } since)
                {
                    LogRestored(DateTimeOffset.UtcNow - since);
                    lostAt = null;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(QuietCheck, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _listening = false;
                if (lostAt is null)
                {
                    lostAt = DateTimeOffset.UtcNow;
                    LogLost(e.GetType().Name, e.Message, delay.Next);
                }
                else
                {
                    LogStillDown(e.GetType().Name, e.Message, delay.Next);
                }
            }

            _listening = false;
            try
            {
                await delay.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _listening = false;
    }

    public ValueTask DisposeAsync() => _senders.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Lost the PostgreSQL connection that hears other instances ({Error}: {Detail}); until it is back, a session ended elsewhere " +
                  "works here until Sessions:CacheLifetime runs out. Retrying in {Delay}")]
    private partial void LogLost(string error, string detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Still cannot listen on PostgreSQL for other instances ({Error}: {Detail}); retrying in {Delay}")]
    private partial void LogStillDown(string error, string detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on PostgreSQL for other instances again, after {Downtime}")]
    private partial void LogRestored(TimeSpan downtime);
}
