using Microsoft.Extensions.Options;

namespace PublisherPortal.Sessions;

/// <summary>Deletes expired sessions and single-use tokens too old to be replayed, every <see cref="SessionOptions.CleanupInterval"/>.</summary>
public sealed partial class SessionCleanupService(
    SessionTerminator terminator, DatabaseReplayStore replays, TimeProvider clock, IOptionsMonitor<SessionOptions> options, ILogger<SessionCleanupService> logger)
    : BackgroundService
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.CleanupInterval, clock);
        while (await NextTickAsync(timer, stoppingToken))
        {
            try
            {
                await CleanUpOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep is retried next tick; it must never take the site down.
                LogFailed(e);
            }
        }
    }

    // Stopping (or failing to start) ends the loop quietly: cancellation here is not a failure of the sweep.
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Sessions} expired session(s) and {Tokens} expired single-use token(s)")]
    private partial void LogCleaned(int sessions, int tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session clean-up failed; retrying next interval")]
    private partial void LogFailed(Exception exception);
}
