namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// Tells every running instance of the site that something changed (a session ended, a story was published), so
/// each drops what it remembers about it at once instead of when its cache expires. A message reaches this
/// instance's subscribers before <see cref="PublishAsync"/> returns; other instances receive it through the
/// configured transport (docs/architecture.md, "Instances"), or not at all when none is configured, in which case
/// every cache still expires on its own clock.
/// </summary>
public interface IInstanceSignals
{
    /// <param name="channel">One of <see cref="SignalChannels"/>.</param>
    /// <param name="message">A short key (a session id, a cache tag); never a secret or personal data.</param>
    Task PublishAsync(string channel, string message, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for every message on <paramref name="channel"/>, from any instance, until disposed.</summary>
    IDisposable Subscribe(string channel, Action<string> handler);
}
