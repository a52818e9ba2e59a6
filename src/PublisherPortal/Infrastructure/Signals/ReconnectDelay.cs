namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// How long a transport waits before its next attempt to reconnect: a second, doubling to half a minute, so a
/// restarted server is found again quickly and a dead one is not hammered. Real time, whatever the app's clock.
/// </summary>
internal sealed class ReconnectDelay
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public TimeSpan Next { get; private set; } = First;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Next;
        Next = delay * 2 < Longest ? delay * 2 : Longest;
        await Task.Delay(delay, cancellationToken);
    }

    public void Reset() => Next = First;
}
