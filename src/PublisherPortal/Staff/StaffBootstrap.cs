using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Oidc;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Staff;

/// <summary>
/// At sign-in: makes the people settings name staff, and keeps every staff member's name and e-mail as their provider
/// last said. <c>Portal:Admins</c> names the first admins, by <c>issuer|subject</c> (exact) or by an e-mail address
/// only when their provider asserted it verified (an unverified address proves nothing: anyone can type any address
/// into an account at some provider). In Development, <c>Staff:DevelopmentRoles</c> names the stand-in providers'
/// test staff. A person the settings name keeps that role: the staff screen cannot lower it (<see cref="NamedRole"/>).
/// </summary>
public sealed partial class StaffBootstrap(
    IDbContextFactory<PortalDbContext> contexts, IOptionsMonitor<PortalOptions> portal, IOptionsMonitor<StaffOptions> staff,
    IInstanceSignals signals, TimeProvider clock, ILogger<StaffBootstrap> logger)
{
    /// <summary>Who a bootstrap is recorded as in the audit log.</summary>
    public const string SettingsActor = "settings";

    public async Task ApplyAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var issuer = principal.FindFirstValue(OidcClaimTypes.Issuer);
        var subject = principal.FindFirstValue(OidcClaimTypes.Subject);
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            return;
        }

        var verifiedEmail = principal.FindFirstValue(OidcClaimTypes.EmailVerified) == "true" ? principal.FindFirstValue(OidcClaimTypes.Email) : null;
        var named = NamedRole(issuer, subject, verifiedEmail);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.StaffMembers.FirstOrDefaultAsync(s => s.Issuer == issuer && s.Subject == subject, cancellationToken);
        if (member is null && named is null)
        {
            return;
        }

        var name = principal.FindFirstValue(OidcClaimTypes.Name);
        var email = principal.FindFirstValue(OidcClaimTypes.Email);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = member?.Role;
        if (member is null)
        {
            member = new StaffMember { Issuer = issuer, Subject = subject, Role = named!.Value, GrantedAt = now, GrantedBy = SettingsActor };
            db.StaffMembers.Add(member);
        }
        else if (named is { } role && member.Role < role)
        {
            member.Role = role;
            member.GrantedAt = now;
            member.GrantedBy = SettingsActor;
        }

        member.Name = Clip(name, 200);
        member.Email = Clip(email, 320);
        member.VerifiedEmail = Clip(verifiedEmail, 320);
        var granted = before != member.Role;
        if (granted)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorIssuer = SettingsActor, ActorSubject = SettingsActor, ActorName = SettingsActor,
                Action = AuditActions.StaffBootstrap, Target = StaffTarget.Describe(member),
                Before = before?.ToString(), After = member.Role.ToString(),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (before is null)
        {
            // A second sign-in of the same person raced this one and made the row: theirs stands.
            return;
        }

        if (granted)
        {
            LogGranted(member.Role, member.Id);
            await signals.PublishAsync(SignalChannels.StaffRolesChanged, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        }
    }

    /// <summary>The role settings give this person, if any: Admin by <c>Portal:Admins</c>, or a Development role.</summary>
    public StaffRole? NamedRole(string issuer, string subject, string? verifiedEmail)
    {
        var key = $"{issuer}|{subject}";
        if (portal.CurrentValue.Admins.Any(a => string.Equals(a, key, StringComparison.Ordinal)
            || (verifiedEmail is { Length: > 0 } && !a.Contains('|') && string.Equals(a, verifiedEmail, StringComparison.OrdinalIgnoreCase))))
        {
            return StaffRole.Admin;
        }

        // StaffOptionsValidator refuses these entries outside Development.
        var baseUrl = portal.CurrentValue.BaseUrl.TrimEnd('/');
        return staff.CurrentValue.DevelopmentRoles
            .Select(e => DevelopmentRole.TryParse(e, out var r) ? r : null)
            .Where(r => r is not null && r.IssuerAt(baseUrl) == issuer && r.Subject == subject)
            .Select(r => (StaffRole?)r!.Role).Max();
    }

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings made staff member {MemberId} {Role} at sign-in")]
    private partial void LogGranted(StaffRole role, int memberId);
}
