using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;

namespace PublisherPortal.Sessions;

/// <summary>Ends reader sessions from the server side: by the provider's session id, or every session of a subject.</summary>
public sealed class SessionTerminator(PortalDbContext db, SessionTicketCache cache)
{
    public Task<int> EndProviderSessionAsync(string provider, string providerSessionId, CancellationToken cancellationToken) =>
        EndAsync(db.ReaderSessions.Where(s => s.Provider == provider && s.ProviderSessionId == providerSessionId), cancellationToken);

    public Task<int> EndSubjectAsync(string issuer, string subject, CancellationToken cancellationToken) =>
        EndAsync(db.ReaderSessions.Where(s => s.Issuer == issuer && s.Subject == subject), cancellationToken);

    private async Task<int> EndAsync(IQueryable<ReaderSession> sessions, CancellationToken cancellationToken)
    {
        // This instance forgets them at once; others stop serving them within Sessions:CacheLifetime.
        foreach (var id in await sessions.Select(s => s.Id).ToListAsync(cancellationToken))
        {
            cache.Remove(id);
        }

        return await sessions.ExecuteDeleteAsync(cancellationToken);
    }
}
