using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Sessions;

/// <summary>Deletes expired sessions and single-use tokens too old to be replayed, every <see cref="SessionOptions.CleanupInterval"/>.</summary>
public sealed partial class SessionCleanupService(
    SessionTerminator terminator, DatabaseReplayStore replays, TimeProvider clock, IOptionsMonitor<SessionOptions> options, ILogger<SessionCleanupService> logger)
    : PeriodicSweep(clock)
{
    public async Task<int> CleanUpOnceAsync(CancellationToken cancellationToken)
    {
        var sessions = await terminator.EndExpiredAsync(cancellationToken);
        var tokens = await replays.RemoveExpiredAsync(cancellationToken);
        if (sessions + tokens > 0)
        {
            LogCleaned(sessions, tokens);
        }

        return sessions;
    }

    protected override TimeSpan Interval => options.CurrentValue.CleanupInterval;

    protected override Task SweepAsync(CancellationToken cancellationToken) => CleanUpOnceAsync(cancellationToken);

    protected override void SweepFailed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Sessions} expired session(s) and {Tokens} expired single-use token(s)")]
    private partial void LogCleaned(int sessions, int tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session clean-up failed; retrying next interval")]
    private partial void LogFailed(Exception exception);
}
