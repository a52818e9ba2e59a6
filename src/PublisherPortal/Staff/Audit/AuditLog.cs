using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;

namespace PublisherPortal.Staff.Audit;

/// <summary>
/// Writes and reads the audit log. <see cref="Record"/> adds the entry to the very context that holds the change, so
/// both are saved together or not at all.
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> contexts, StaffGate gate, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public void Record(PortalDbContext db, StaffActor actor, string action, string target, string? before, string? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorIssuer = actor.Issuer,
            ActorSubject = actor.Subject,
            ActorName = Clip(actor.Name, 200),
            Action = action,
            Target = Clip(target, 300),
            Before = before is null ? null : Clip(before, 2000),
            After = after is null ? null : Clip(after, 2000),
        });

    /// <summary>One page of entries matching <paramref name="filter"/>, filtered, sorted and paged by the database. Admins only.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total, StaffResult? Refusal)> SearchAsync(
        System.Security.Claims.ClaimsPrincipal user, AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, cancellationToken);
        if (decision.Actor is null)
        {
            return ([], 0, decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Action is { Length: > 0 } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.Actor?.Trim() is { Length: > 0 } actor)
        {
            var lower = actor.ToLowerInvariant();
            query = query.Where(e => e.ActorName.ToLower().Contains(lower) || e.ActorSubject == actor);
        }

        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(e => e.Target.ToLower().Contains(lower)
                || (e.Before != null && e.Before.ToLower().Contains(lower)) || (e.After != null && e.After.ToLower().Contains(lower)));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }

        var total = await query.CountAsync(cancellationToken);
        query = (filter.SortBy, filter.Descending) switch
        {
            (nameof(AuditEntry.ActorName), false) => query.OrderBy(e => e.ActorName).ThenByDescending(e => e.Id),
            (nameof(AuditEntry.ActorName), true) => query.OrderByDescending(e => e.ActorName).ThenByDescending(e => e.Id),
            (nameof(AuditEntry.Action), false) => query.OrderBy(e => e.Action).ThenByDescending(e => e.Id),
            (nameof(AuditEntry.Action), true) => query.OrderByDescending(e => e.Action).ThenByDescending(e => e.Id),
            (nameof(AuditEntry.Target), false) => query.OrderBy(e => e.Target).ThenByDescending(e => e.Id),
            (nameof(AuditEntry.Target), true) => query.OrderByDescending(e => e.Target).ThenByDescending(e => e.Id),
            (_, false) when filter.SortBy == nameof(AuditEntry.At) => query.OrderBy(e => e.Id),
            _ => query.OrderByDescending(e => e.Id),
        };
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var entries = await query.Skip(Math.Max(page, 0) * size).Take(size).ToListAsync(cancellationToken);
        return (entries, total, null);
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
