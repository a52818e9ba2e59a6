using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Sessions;

/// <summary>
/// Single-use values remembered in the database, so every instance refuses a replay: the relying party's sign-in
/// states (<see cref="IOidcReplayStore"/>) and back-channel logout tokens. The primary key decides atomically which
/// of two racing requests was first.
/// </summary>
public sealed class DatabaseReplayStore(IServiceScopeFactory scopes, TimeProvider clock) : IOidcReplayStore
{
    public async Task<bool> TryConsumeAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ConsumedTokens.Add(new ConsumedToken { KeyHash = Hash(key), ExpiresAt = expiresAt.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Forgets a value consumed by a request that then failed, so the sender's retry is honoured.</summary>
    public async Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var hash = Hash(key);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ConsumedTokens.Where(t => t.KeyHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes what has expired: an expired value would be refused by its own checks anyway.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ConsumedTokens.Where(t => t.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static string Hash(string key) => System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
