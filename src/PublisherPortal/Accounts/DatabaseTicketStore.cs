using PublisherPortal.Oidc;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;

namespace PublisherPortal.Accounts;

/// <summary>
/// Keeps authentication tickets (claims and provider tokens) in the database, encrypted with Data Protection, so the
/// browser's cookie carries only a random session id and any instance can find or end a session.
/// </summary>
public sealed partial class DatabaseTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock, ILogger<DatabaseTicketStore> logger)
    : ITicketStore
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("PublisherPortal.Accounts.SessionTicket.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Base64UrlId();
        var now = clock.GetUtcNow().UtcDateTime;
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
            ExpiresAt = ExpiresAt(ticket, now),
        });
        await db.SaveChangesAsync();
        LogStarted(id[..8]);
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.ReaderSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, Protect(ticket))
            .SetProperty(s => s.LastSeenAt, now)
            .SetProperty(s => s.ExpiresAt, ExpiresAt(ticket, now)));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.ReaderSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(row));
        }
        catch (CryptographicException)
        {
            // Keys rotated away or the row was tampered with: the session is simply gone.
            LogUnreadable(key.Length >= 8 ? key[..8] : key);
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.ReaderSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static DateTime ExpiresAt(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + DefaultLifetime;

    private static string Base64UrlId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // Only a prefix of the id is logged: enough to correlate, useless to hijack.
    [LoggerMessage(Level = LogLevel.Information, Message = "Reader session {SessionPrefix}… started")]
    private partial void LogStarted(string sessionPrefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reader session {SessionPrefix}… could not be decrypted and is treated as signed out")]
    private partial void LogUnreadable(string sessionPrefix);
}
