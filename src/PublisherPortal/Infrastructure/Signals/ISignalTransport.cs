namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// Carries signals between instances (PostgreSQL LISTEN/NOTIFY or Redis pub/sub: docs/operations.md, "Signals between
/// instances"). A transport reconnects on its own and never takes the site down: while it is down, signals are lost
/// and every cache falls back to its own lifetime.
/// </summary>
public interface ISignalTransport
{
    /// <summary>For logs and the readiness report, e.g. "PostgreSQL LISTEN/NOTIFY".</summary>
    string Name { get; }

    /// <summary>Whether it is listening right now.</summary>
    bool IsListening { get; }

    /// <exception cref="Exception">Any failure to send; the caller logs it and carries on.</exception>
    Task SendAsync(SignalEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Hands every envelope received to <paramref name="received"/> until stopped, reconnecting with a growing delay.</summary>
    Task ListenAsync(Action<SignalEnvelope> received, CancellationToken stoppingToken);
}
