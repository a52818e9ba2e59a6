using System.Collections.Concurrent;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// Delivers signals to this instance's subscribers only: all a single instance needs, and the base every
/// cross-instance transport delivers into.
/// </summary>
public sealed partial class InProcessSignals(ILogger<InProcessSignals> logger) : IInstanceSignals
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _channels = new(StringComparer.Ordinal);

    public Task PublishAsync(string channel, string message, CancellationToken cancellationToken = default)
    {
        Deliver(channel, message);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string channel, Action<string> handler)
    {
        _channels.AddOrUpdate(channel, _ => new([handler]), (_, current) => current.With(handler));
        return new Subscription(() => _channels.AddOrUpdate(channel, _ => new([]), (_, current) => current.Without(handler)));
    }

    /// <summary>Hands a message (from this instance or another) to every subscriber; one failing subscriber never stops the others.</summary>
    public void Deliver(string channel, string message)
    {
        if (!_channels.TryGetValue(channel, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Items)
        {
            try
            {
                handler(message);
            }
            catch (Exception e)
            {
                LogHandlerFailed(e, channel);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Channel} failed")]
    private partial void LogHandlerFailed(Exception exception, string channel);

    private sealed record ImmutableHandlers(Action<string>[] Items)
    {
        public ImmutableHandlers With(Action<string> handler) => new([.. Items, handler]);

        public ImmutableHandlers Without(Action<string> handler) => new(Items.Where(h => h != handler).ToArray());
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
