using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Staff;

/// <summary>
/// The staff screen's actions: list, grant, change and revoke roles. Admins only, each authorized again here
/// (<see cref="StaffGate"/>), audited in the same transaction, refused when the row changed since it was shown, and
/// announced to every instance (<see cref="SignalChannels.StaffRolesChanged"/>), so the person's open staff pages
/// close or follow at once.
/// </summary>
public sealed class StaffRoleCommands(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, StaffBootstrap settings, IInstanceSignals signals, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public sealed record Page(IReadOnlyList<StaffMember> Members, int Total, StaffResult? Refusal);

    /// <summary>One page of staff, filtered (name, e-mail or subject contains <paramref name="search"/>), sorted and paged by the database.</summary>
    public async Task<Page> ListAsync(ClaimsPrincipal user, string? search, string? sortBy, bool descending, int page, int pageSize, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null)
        {
            return new Page([], 0, decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.StaffMembers.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(s => (s.Name != null && s.Name.ToLower().Contains(lower)) || (s.Email != null && s.Email.ToLower().Contains(lower))
                || s.Subject == text);
        }

        var total = await query.CountAsync(ct);
        query = (sortBy, descending) switch
        {
            (nameof(StaffMember.Role), false) => query.OrderBy(s => s.Role).ThenBy(s => s.Id),
            (nameof(StaffMember.Role), true) => query.OrderByDescending(s => s.Role).ThenBy(s => s.Id),
            (nameof(StaffMember.GrantedAt), false) => query.OrderBy(s => s.GrantedAt).ThenBy(s => s.Id),
            (nameof(StaffMember.GrantedAt), true) => query.OrderByDescending(s => s.GrantedAt).ThenBy(s => s.Id),
            (nameof(StaffMember.Email), true) => query.OrderByDescending(s => s.Email).ThenBy(s => s.Id),
            (nameof(StaffMember.Email), false) => query.OrderBy(s => s.Email).ThenBy(s => s.Id),
            (_, true) => query.OrderByDescending(s => s.Name).ThenBy(s => s.Id),
            _ => query.OrderBy(s => s.Name).ThenBy(s => s.Id),
        };
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var members = await query.Skip(Math.Max(page, 0) * size).Take(size).ToListAsync(ct);
        return new Page(members, total, null);
    }

    /// <summary>Whether settings name this member (then the staff screen cannot lower or revoke their role).</summary>
    public bool NamedBySettings(StaffMember member) => settings.NamedRole(member.Issuer, member.Subject, member.VerifiedEmail) is not null;

    public async Task<StaffResult> GrantAsync(ClaimsPrincipal user, StaffGrantForm form, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (form.Validate() is { Count: > 0 } errors)
        {
            return StaffResult.Invalid(errors);
        }

        var issuer = form.Issuer!.Trim();
        var subject = form.Subject!.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.StaffMembers.AnyAsync(s => s.Issuer == issuer && s.Subject == subject, ct))
        {
            return StaffResult.Field(nameof(StaffGrantForm.Subject), "This account is already staff: change their role in the list instead.");
        }

        var member = new StaffMember
        {
            Issuer = issuer, Subject = subject, Role = form.Role!.Value, Name = Blank(form.Name), Email = Blank(form.Email),
            GrantedAt = clock.GetUtcNow().UtcDateTime, GrantedBy = actor.Name,
        };
        db.StaffMembers.Add(member);
        audit.Record(db, actor, AuditActions.StaffGrant, StaffTarget.Describe(member), null, member.Role.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return StaffResult.Conflict("This account");
        }

        await AnnounceAsync(member.Id);
        return StaffResult.Done($"{Who(member)} is now {member.Role}.");
    }

    public async Task<StaffResult> ChangeAsync(ClaimsPrincipal user, int memberId, StaffRole shownRole, StaffRole newRole, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is not { } actor)
        {
            return decision.Refused();
        }

        if (!Enum.IsDefined(newRole))
        {
            return StaffResult.Field("Role", "Choose one of the roles.");
        }

        return await ChangeRowAsync(actor, memberId, shownRole, newRole, ct);
    }

    public async Task<StaffResult> RevokeAsync(ClaimsPrincipal user, int memberId, StaffRole shownRole, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        return decision.Actor is { } actor ? await ChangeRowAsync(actor, memberId, shownRole, null, ct) : decision.Refused();
    }

    /// <summary>Changes (or, with no <paramref name="newRole"/>, deletes) the row only if it still has the role that was shown.</summary>
    private async Task<StaffResult> ChangeRowAsync(StaffActor actor, int memberId, StaffRole shownRole, StaffRole? newRole, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == memberId, ct);
        if (member is null || member.Role != shownRole)
        {
            return StaffResult.Conflict("This staff member's role");
        }

        if (newRole == member.Role)
        {
            return StaffResult.Done($"{Who(member)} already is {member.Role}: nothing to change.");
        }

        if (settings.NamedRole(member.Issuer, member.Subject, member.VerifiedEmail) is { } named && (newRole is null || newRole < named))
        {
            return StaffResult.Refused($"{Who(member)} is named {named} by the site's settings (Portal:Admins): remove them there first, or their next sign-in gives the role back.");
        }

        if (member.Role == StaffRole.Admin && newRole != StaffRole.Admin
            && !await db.StaffMembers.AnyAsync(s => s.Role == StaffRole.Admin && s.Id != member.Id, ct))
        {
            return StaffResult.Refused("This is the last admin: make someone else Admin first, so the back office is never left without one.");
        }

        var result = await db.InTransactionAsync(async transaction =>
        {
            var row = db.StaffMembers.Where(s => s.Id == memberId && s.Role == shownRole);
            var changed = newRole is { } role
                ? await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.Role, role).SetProperty(s => s.GrantedAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(s => s.GrantedBy, actor.Name), ct)
                : await row.ExecuteDeleteAsync(ct);
            if (changed != 1)
            {
                return StaffResult.Conflict("This staff member's role");
            }

            audit.Record(db, actor, newRole is null ? AuditActions.StaffRevoke : AuditActions.StaffChange, StaffTarget.Describe(member),
                shownRole.ToString(), newRole?.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StaffResult.Done(newRole is null ? $"{Who(member)} is no longer staff." : $"{Who(member)} is now {newRole}.");
        }, ct);
        if (result.Succeeded)
        {
            await AnnounceAsync(member.Id);
        }

        return result;
    }

    private Task AnnounceAsync(int memberId) =>
        signals.PublishAsync(SignalChannels.StaffRolesChanged, memberId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);

    private static string Who(StaffMember member) => member.Name ?? member.Email ?? member.Subject;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
