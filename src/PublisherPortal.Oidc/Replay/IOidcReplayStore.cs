namespace PublisherPortal.Oidc;

/// Remembers single-use values (a sign-in journey's state, a logout token) until they expire, across instances.
public interface IOidcReplayStore
{
    /// <returns>True the first time <paramref name="key"/> is presented (it is now remembered until
    /// <paramref name="expiresAt"/>); false when it was already remembered. Must be atomic.</returns>
    Task<bool> TryConsumeAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
