using System.Security.Cryptography;
using System.Threading.Channels;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// <see cref="IInstanceSignals"/> across instances: a message reaches this instance's subscribers at once (the fast
/// path, as in a single instance), and is queued for the transport, which a background loop sends without ever making
/// the publishing request wait or fail. Messages from other instances are delivered to the same subscribers; this
/// instance's own echo is ignored.
/// </summary>
public sealed partial class CrossInstanceSignals(InProcessSignals local, ISignalTransport transport, ILogger<CrossInstanceSignals> logger)
    : BackgroundService, IInstanceSignals
{
    // Messages older than any cache lifetime are worth nothing: a long outage drops the oldest, never blocks.
    private readonly Channel<SignalEnvelope> _outbox = Channel.CreateBounded<SignalEnvelope>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>This process among the instances; random, so two processes on one machine never take each other's messages for echoes.</summary>
    public string InstanceId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public ISignalTransport Transport => transport;

    public Task PublishAsync(string channel, string message, CancellationToken cancellationToken = default)
    {
        local.Deliver(channel, message);
        _outbox.Writer.TryWrite(new SignalEnvelope(InstanceId, channel, message));
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string channel, Action<string> handler) => local.Subscribe(channel, handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(transport.Name, InstanceId);
        var listening = Task.Run(() => transport.ListenAsync(Receive, stoppingToken), stoppingToken);
        try
        {
            await foreach (var envelope in _outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await transport.SendAsync(envelope, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Other instances will not hear of this one; their caches expire on their own (Sessions:CacheLifetime).
                    LogSendFailed(transport.Name, envelope.Channel, e.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await listening.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void Receive(SignalEnvelope envelope)
    {
        if (envelope.Origin != InstanceId)
        {
            local.Deliver(envelope.Channel, envelope.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signals between instances travel through {Transport} (this instance: {InstanceId})")]
    private partial void LogStarted(string transport, string instanceId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Could not send a {Channel} signal through {Transport} ({Error}: {Detail}); other instances forget it only when their caches expire")]
    private partial void LogSendFailed(string transport, string channel, string error, string detail);
}
