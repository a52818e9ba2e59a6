using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;

namespace PublisherPortal.Staff;

/// <summary>
/// Who has which staff role. <see cref="RoleOfAsync"/> answers every request from a per-instance copy of the (small)
/// staff table, dropped when any instance announces a change (<see cref="SignalChannels.StaffRolesChanged"/>) and
/// otherwise kept at most <see cref="StaffOptions.RevalidationInterval"/>; <see cref="CurrentRoleAsync"/> asks the
/// database itself, for decisions that must see a change made a moment ago elsewhere.
/// </summary>
public sealed class StaffDirectory : IDisposable
{
    private static readonly object CacheKey = new();
    private readonly IDbContextFactory<PortalDbContext> _contexts;
    private readonly IMemoryCache _cache;
    private readonly IOptionsMonitor<StaffOptions> _options;
    private readonly IDisposable _changes;

    public StaffDirectory(IDbContextFactory<PortalDbContext> contexts, IMemoryCache cache, IOptionsMonitor<StaffOptions> options, IInstanceSignals signals)
    {
        _contexts = contexts;
        _cache = cache;
        _options = options;
        _changes = signals.Subscribe(SignalChannels.StaffRolesChanged, _ => _cache.Remove(CacheKey));
    }

    public async Task<StaffRole?> RoleOfAsync(string? issuer, string? subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var roles = await _cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = _options.CurrentValue.RevalidationInterval;
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            return await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => (s.Issuer, s.Subject), s => s.Role, cancellationToken);
        });
        return roles!.TryGetValue((issuer, subject), out var role) ? role : null;
    }

    public async Task<StaffRole?> CurrentRoleAsync(string? issuer, string? subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffMembers.AsNoTracking().Where(s => s.Issuer == issuer && s.Subject == subject)
            .Select(s => (StaffRole?)s.Role).FirstOrDefaultAsync(cancellationToken);
    }

    public void Dispose() => _changes.Dispose();
}
