using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;

namespace PublisherPortal.Sessions;

/// <summary>
/// Whether a session is still live, asked of the database itself and never of an instance's memory: for checks that
/// must see an end that happened anywhere a moment ago (a staff action, a staff circuit's revalidation).
/// </summary>
public sealed class SessionProbe(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task<bool> IsLiveAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReaderSessions.AnyAsync(s => s.Id == sessionId && s.ExpiresAt > now, cancellationToken);
    }
}
