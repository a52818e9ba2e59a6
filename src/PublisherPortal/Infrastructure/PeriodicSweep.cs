namespace PublisherPortal.Infrastructure;

/// <summary>
/// A background job that runs one sweep every interval on the site's clock (so tests drive it with a fake clock).
/// A failed sweep is logged by the job and retried next tick: it must never take the site down. Stopping (or failing to
/// start) ends the loop quietly: cancellation there is not a failure of the sweep.
/// </summary>
public abstract class PeriodicSweep(TimeProvider clock) : BackgroundService
{
    /// <summary>The site's clock, for the sweep's own idea of "now" as well as its ticks.</summary>
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    protected abstract void SweepFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        while (await NextTickAsync(timer, stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SweepFailed(e);
            }
        }
    }

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
}
