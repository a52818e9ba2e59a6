using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Sessions;

/// <summary>
/// Keeps authentication tickets (claims and provider tokens) in the database, encrypted with Data Protection, so the
/// browser's cookie carries only a random session id and any instance can find or end a session. Each instance
/// remembers what it read for <see cref="SessionOptions.CacheLifetime"/>.
/// </summary>
public sealed partial class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    SessionTicketCache cache,
    SessionTerminator terminator,
    TimeProvider clock,
    IOptionsMonitor<SessionOptions> options,
    ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>Ticket item holding the session's own id, so code holding a ticket can update it in place.</summary>
    public const string SessionIdItem = ".portal.session";

    /// <summary>
    /// Set on the ticket of a new sign-in: it must be stored under a new id, never renewed into the id the browser
    /// sent (see <see cref="SessionTerminator.EndBeforeSignInAsync"/>).
    /// </summary>
    public const string NewSignInItem = ".portal.new_sign_in";

    /// <summary>The claim in the cookie's placeholder ticket that carries the session id (the cookie handler's own name for it).</summary>
    public const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>LastSeenAt is written at most this often: it is for people, not for access decisions.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PublisherPortal.Sessions.Ticket.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Base64UrlId();
        var now = Now;
        ticket.Properties.Items.Remove(NewSignInItem);
        ticket.Properties.Items[SessionIdItem] = id;
        var principal = ticket.Principal;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ReaderSessions.Add(new ReaderSession
        {
            Id = id,
            Provider = principal.FindFirst(OidcClaimTypes.Provider)?.Value ?? ticket.AuthenticationScheme,
            Issuer = principal.FindFirst(OidcClaimTypes.Issuer)?.Value ?? "",
            Subject = principal.FindFirst(OidcClaimTypes.Subject)?.Value ?? "",
            ProviderSessionId = principal.FindFirst(OidcClaimTypes.SessionId)?.Value,
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ExpiresAt(ticket, now, now),
        });
        await db.SaveChangesAsync();
        cache.Set(id, ticket);
        LogStarted(Prefix(id));
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (ticket.Properties.Items.ContainsKey(NewSignInItem))
        {
            // The cookie handler was about to put a new sign-in into the session the browser sent: refuse, loudly.
            await terminator.EndAsync(key);
            throw new InvalidOperationException("A new sign-in must start a new session; end the browser's session first (SessionTerminator.EndBeforeSignInAsync).");
        }

        var now = Now;
        ticket.Properties.Items[SessionIdItem] = key;
        var principal = ticket.Principal;
        var provider = principal.FindFirst(OidcClaimTypes.Provider)?.Value ?? ticket.AuthenticationScheme;
        var issuer = principal.FindFirst(OidcClaimTypes.Issuer)?.Value ?? "";
        var subject = principal.FindFirst(OidcClaimTypes.Subject)?.Value ?? "";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A session's identity never changes: only the same reader's ticket renews it.
        var row = db.ReaderSessions.Where(s => s.Id == key && s.Provider == provider && s.Issuer == issuer && s.Subject == subject);
        var createdAt = await row.Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync();
        if (createdAt is null)
        {
            // Ended elsewhere meanwhile (or not this reader's): renewing must not bring it back.
            cache.Remove(key);
            return;
        }

        var protectedTicket = Protect(ticket);
        var expiresAt = ExpiresAt(ticket, createdAt.Value, now);
        await row.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, protectedTicket)
            .SetProperty(s => s.LastSeenAt, now)
            .SetProperty(s => s.ExpiresAt, expiresAt));
        cache.Set(key, ticket);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        cache.TryGet(key, out var cached) ? cached : await ReadAsync(key);

    /// <summary>
    /// The session as the database has it now, bypassing this instance's memory: for read-modify-write (token
    /// renewal), where a concurrent request may just have put an older copy into the cache.
    /// </summary>
    public async Task<AuthenticationTicket?> ReadAsync(string key)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.ReaderSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now)
            .Select(s => new { s.Ticket, s.LastSeenAt })
            .FirstOrDefaultAsync();
        if (row is null)
        {
            cache.Remove(key);
            return null;
        }

        if (Unprotect(row.Ticket) is not { } ticket)
        {
            // Keys rotated away or the row was tampered with: the session is simply gone.
            LogUnreadable(Prefix(key));
            return null;
        }

        if (now - row.LastSeenAt > LastSeenResolution)
        {
            await db.ReaderSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
        }

        cache.Set(key, ticket);
        return ticket;
    }

    /// <summary>A session's ticket as stored, for looking at it (the admin's explainer): no cache, no last-seen update.</summary>
    public async Task<AuthenticationTicket?> PeekAsync(string key)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ticket = await db.ReaderSessions.AsNoTracking().Where(s => s.Id == key && s.ExpiresAt > now).Select(s => s.Ticket).FirstOrDefaultAsync();
        return ticket is null ? null : Unprotect(ticket);
    }

    public Task RemoveAsync(string key) => terminator.EndAsync(key);

    /// <summary>The cookie handler's sign-out: through the one door, with the reason the caller gave it.</summary>
    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => terminator.EndAsync(key, httpContext);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] stored)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The sliding expiry the cookie asked for, never past the absolute lifetime from sign-in.</summary>
    private DateTime ExpiresAt(AuthenticationTicket ticket, DateTime createdAt, DateTime now)
    {
        var current = options.CurrentValue;
        var sliding = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + current.IdleTimeout;
        var absolute = createdAt + current.AbsoluteLifetime;
        return sliding < absolute ? sliding : absolute;
    }

    private static string Base64UrlId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // Only a prefix of the id is logged: enough to correlate, useless to hijack.
    private static string Prefix(string id) => id.Length > 8 ? id[..8] : id;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader session {SessionPrefix}… started")]
    private partial void LogStarted(string sessionPrefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reader session {SessionPrefix}… could not be decrypted and is treated as signed out")]
    private partial void LogUnreadable(string sessionPrefix);
}
