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
    TimeProvider clock,
    IOptionsMonitor<SessionOptions> options,
    ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>Ticket item holding the session's own id, so code holding a ticket can update it in place.</summary>
    public const string SessionIdItem = ".portal.session";

    /// <summary>LastSeenAt is written at most this often: it is for people, not for access decisions.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PublisherPortal.Sessions.Ticket.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Base64UrlId();
        var now = Now;
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
        var now = Now;
        ticket.Properties.Items[SessionIdItem] = key;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var createdAt = await db.ReaderSessions.Where(s => s.Id == key).Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync();
        if (createdAt is null)
        {
            // Ended elsewhere meanwhile: renewing must not bring it back.
            cache.Remove(key);
            return;
        }

        var protectedTicket = Protect(ticket);
        var expiresAt = ExpiresAt(ticket, createdAt.Value, now);
        await db.ReaderSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u
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

        AuthenticationTicket ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(row.Ticket))!;
        }
        catch (CryptographicException)
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

    public async Task RemoveAsync(string key)
    {
        cache.Remove(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.ReaderSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

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
