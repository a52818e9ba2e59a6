namespace PublisherPortal.Sessions;

/// <summary>
/// One read-modify-write of a session's stored ticket at a time per session on this instance. Token renewal rotates
/// the refresh token in the ticket and a plan refresh rewrites the claims; each reads the ticket as stored, changes it
/// and writes it back, so two at once would lose one write (a plan refresh writing back the spent refresh token made
/// the next renewal present it again, which a rotating provider answers with invalid_grant: the session ended).
/// Striped: bounded memory and nothing to remove (removing a per-session lock races with new waiters).
/// </summary>
public sealed class SessionWriteLock
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string sessionId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
