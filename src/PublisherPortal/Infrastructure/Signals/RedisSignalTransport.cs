using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// Signals through Redis pub/sub on the channel <c>{Redis:ChannelPrefix}signals</c>. StackExchange.Redis restores the
/// subscription after a reconnect by itself; only the first subscription is retried here, for a Redis that was down
/// when the site started.
/// </summary>
public sealed partial class RedisSignalTransport(RedisConnection redis, IOptions<RedisOptions> options, ILogger<RedisSignalTransport> logger)
    : ISignalTransport
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.ChannelPrefix + "signals");
    private volatile bool _subscribed;

    public string Name => "Redis pub/sub";

    public bool IsListening => _subscribed && redis.Current?.IsConnected == true;

    public async Task SendAsync(SignalEnvelope envelope, CancellationToken cancellationToken)
    {
        var connection = await redis.GetAsync().WaitAsync(cancellationToken);
        await connection.GetSubscriber().PublishAsync(_channel, envelope.ToPayload()).WaitAsync(cancellationToken);
    }

    public async Task ListenAsync(Action<SignalEnvelope> received, CancellationToken stoppingToken)
    {
        var delay = new ReconnectDelay();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await redis.GetAsync().WaitAsync(stoppingToken);
                var queue = await connection.GetSubscriber().SubscribeAsync(_channel).WaitAsync(stoppingToken);
                queue.OnMessage(message =>
                {
                    if (SignalEnvelope.TryParse(message.Message, out var envelope))
                    {
                        received(envelope);
                    }
                });
                _subscribed = true;
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogSubscribeFailed(e.GetType().Name, delay.Next);
                try
                {
                    await delay.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not subscribe to Redis for other instances' signals ({Error}); retrying in {Delay}")]
    private partial void LogSubscribeFailed(string error, TimeSpan delay);
}
