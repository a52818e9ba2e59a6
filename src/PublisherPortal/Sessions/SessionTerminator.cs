using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Infrastructure.Telemetry;

namespace PublisherPortal.Sessions;

/// <summary>
/// The one door through which every reader session ends, whatever the reason (<see cref="SessionEndReason"/>):
/// the row goes, and every instance is told to forget it (<see cref="SignalChannels.SessionEnded"/>); an instance the
/// signal does not reach stops serving it within <see cref="SessionOptions.CacheLifetime"/>.
/// The cookie handler's sign-out reaches it through <see cref="DatabaseTicketStore.RemoveAsync(string)"/>.
/// </summary>
public sealed partial class SessionTerminator(
    IServiceScopeFactory scopes, IInstanceSignals signals, TimeProvider clock, PortalMetrics metrics, ILogger<SessionTerminator> logger)
{
    private const string ReasonItem = ".portal.session_end_reason";

    /// <summary>
    /// Ends the request's own session: the row is deleted, the cookie cleared, and the rest of this request runs for an
    /// anonymous reader (nothing later in it may use what the ended session allowed).
    /// </summary>
    public async Task EndCurrentAsync(HttpContext context, SessionEndReason reason)
    {
        context.Items[ReasonItem] = reason;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>
    /// Before a sign-in: ends whatever session the browser's cookie names and removes that cookie from the request,
    /// so the cookie handler stores the new sign-in under a new id. Without this it would renew the id it was sent,
    /// and a cookie planted before sign-in would become the victim's session (session fixation).
    /// </summary>
    public async Task EndBeforeSignInAsync(HttpContext context)
    {
        // Asked for here, not injected: the cookie's options hold the session store, which holds this terminator.
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var cookieName = options.Cookie.Name!;
        if (options.CookieManager.GetRequestCookie(context, cookieName) is { Length: > 0 } value
            && options.TicketDataFormat.Unprotect(value) is { } placeholder
            && placeholder.Principal.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value is { } sessionId)
        {
            await EndAsync(sessionId, SessionEndReason.ReplacedBySignIn);
        }

        RequestCookies.Remove(context.Request, cookieName);
    }

    /// <summary>Ends one session by id; the cookie handler's sign-out arrives here.</summary>
    public Task EndAsync(string sessionId, HttpContext? context = null) =>
        EndAsync(sessionId, context?.Items[ReasonItem] as SessionEndReason? ?? SessionEndReason.SignedOut);

    public Task<int> EndProviderSessionAsync(string provider, string providerSessionId, CancellationToken cancellationToken) =>
        EndWhereAsync(s => s.Provider == provider && s.ProviderSessionId == providerSessionId, SessionEndReason.BackchannelLogout, cancellationToken);

    public Task<int> EndSubjectAsync(string issuer, string subject, SessionEndReason reason, CancellationToken cancellationToken) =>
        EndWhereAsync(s => s.Issuer == issuer && s.Subject == subject, reason, cancellationToken);

    public Task<int> EndExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return EndWhereAsync(s => s.ExpiresAt <= now, SessionEndReason.Expired, cancellationToken);
    }

    private Task EndAsync(string sessionId, SessionEndReason reason) =>
        EndWhereAsync(s => s.Id == sessionId, reason, CancellationToken.None);

    private async Task<int> EndWhereAsync(
        System.Linq.Expressions.Expression<Func<ReaderSession, bool>> which, SessionEndReason reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sessions = db.ReaderSessions.Where(which);
        var ids = await sessions.Select(s => s.Id).ToListAsync(cancellationToken);
        var ended = await sessions.ExecuteDeleteAsync(cancellationToken);
        // Every instance forgets them: this one at once, others as soon as the signal arrives, and within
        // Sessions:CacheLifetime whatever happens to the signal.
        foreach (var id in ids)
        {
            await signals.PublishAsync(SignalChannels.SessionEnded, SessionEndedSignal.KeyOf(id), CancellationToken.None);
        }

        if (ended > 0)
        {
            LogEnded(ended, reason);
            metrics.SessionsEnded(ended, reason.ToString());
        }

        return ended;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended {Count} reader session(s): {Reason}")]
    private partial void LogEnded(int count, SessionEndReason reason);
}
