using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Staff;

/// <summary>The staff screen's actions: grant, change, revoke; audited, announced, and never leaving the site without an admin.</summary>
public sealed class StaffRoleCommandsTests(StaffSite site) : IClassFixture<StaffSite>
{
    private StaffRoleCommands Staff => site.Services.GetRequiredService<StaffRoleCommands>();

    [Fact]
    public async Task A_role_is_granted_changed_and_revoked_each_audited_before_and_after_and_announced()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var announced = new List<string>();
        using var subscription = site.Services.GetRequiredService<IInstanceSignals>().Subscribe(SignalChannels.StaffRolesChanged, announced.Add);
        var subject = "cus_new_editor_" + Guid.NewGuid().ToString("N")[..8];

        var granted = await Staff.GrantAsync(admin, new StaffGrantForm { Issuer = StaffSite.Issuer, Subject = subject, Role = StaffRole.Editor, Name = "Nina New" }, default);
        var member = await site.DbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Subject == subject));
        var changed = await Staff.ChangeAsync(admin, member.Id, StaffRole.Editor, StaffRole.Author, default);
        var revoked = await Staff.RevokeAsync(admin, member.Id, StaffRole.Author, default);

        Assert.True(granted.Succeeded, granted.Message);
        Assert.Equal("Nina New is now Editor.", granted.Message);
        Assert.True(changed.Succeeded, changed.Message);
        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.False(await site.DbAsync(db => db.StaffMembers.AnyAsync(s => s.Subject == subject)));
        Assert.Equal(3, announced.Count(m => m == member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var trail = await site.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Target.Contains(subject)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [(AuditActions.StaffGrant, null, "Editor"), (AuditActions.StaffChange, "Editor", "Author"), (AuditActions.StaffRevoke, "Author", null)],
            trail.Select(e => (e.Action, e.Before, e.After)).ToArray());
        Assert.All(trail, e => Assert.Equal(StaffSite.AdminSubject, e.ActorSubject));
    }

    [Fact]
    public async Task A_change_against_a_role_someone_else_changed_meanwhile_is_refused()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var subject = "cus_contested_" + Guid.NewGuid().ToString("N")[..8];
        await site.GrantAsync(subject, StaffRole.Author);
        var member = await site.DbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Subject == subject));
        Assert.True((await Staff.ChangeAsync(admin, member.Id, StaffRole.Author, StaffRole.Editor, default)).Succeeded);

        // A second admin's screen still shows Author.
        var stale = await Staff.RevokeAsync(admin, member.Id, StaffRole.Author, default);

        Assert.Equal(StaffOutcome.Conflict, stale.Outcome);
        Assert.Equal(StaffRole.Editor, (await site.DbAsync(db => db.StaffMembers.SingleAsync(s => s.Subject == subject))).Role);
    }

    [Fact]
    public async Task Granting_an_account_that_is_already_staff_or_with_bad_input_is_answered_at_the_field()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();

        var twice = await Staff.GrantAsync(admin, new StaffGrantForm { Issuer = StaffSite.Issuer, Subject = StaffSite.AdminSubject, Role = StaffRole.Editor }, default);
        var bad = await Staff.GrantAsync(admin, new StaffGrantForm { Issuer = "pliro", Subject = " ", Role = null }, default);

        Assert.Contains("already staff", twice.FieldErrors[nameof(StaffGrantForm.Subject)]);
        Assert.Equal([nameof(StaffGrantForm.Issuer), nameof(StaffGrantForm.Role), nameof(StaffGrantForm.Subject)], bad.FieldErrors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task An_admin_named_by_the_settings_cannot_be_lowered_from_the_screen()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var self = await site.DbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Subject == StaffSite.AdminSubject));

        var result = await Staff.ChangeAsync(admin, self.Id, StaffRole.Admin, StaffRole.Editor, default);

        Assert.Equal(StaffOutcome.Refused, result.Outcome);
        Assert.Contains("Portal:Admins", result.Message);
        Assert.True(Staff.NamedBySettings(self));
    }

    [Fact]
    public async Task The_last_admin_is_never_removed_or_lowered()
    {
        using var lone = StaffSite.WithoutSettingsAdmin();
        await lone.GrantAsync(StaffSite.AdminSubject, StaffRole.Admin);
        var admin = await (await lone.PersonaAsync("admin")).PrincipalAsync();
        var staff = lone.Services.GetRequiredService<StaffRoleCommands>();
        var self = await lone.DbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Subject == StaffSite.AdminSubject));

        var revoke = await staff.RevokeAsync(admin, self.Id, StaffRole.Admin, default);
        var lower = await staff.ChangeAsync(admin, self.Id, StaffRole.Admin, StaffRole.Editor, default);

        Assert.Contains("last admin", revoke.Message);
        Assert.Contains("last admin", lower.Message);
        await lone.GrantAsync("cus_second_admin", StaffRole.Admin);
        Assert.True((await staff.RevokeAsync(admin, self.Id, StaffRole.Admin, default)).Succeeded);
    }
}
