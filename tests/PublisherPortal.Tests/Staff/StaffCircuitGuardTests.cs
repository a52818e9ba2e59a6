using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Sessions;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Circuits;

namespace PublisherPortal.Tests.Staff;

/// <summary>
/// A staff circuit never outlives its session or its role: told at once by the signals instances send, and found out
/// at the next check (every Staff:RevalidationInterval, on the site's clock) when no signal arrives.
/// </summary>
public sealed class StaffCircuitGuardTests(StaffSite site) : IClassFixture<StaffSite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_back_channel_logout_closes_the_staff_ui_at_once_and_leaves_the_circuit_anonymous()
    {
        var (guard, auth, persona) = await OpenAsync("editor");
        var closed = ClosedAsync(guard);

        await site.Services.GetRequiredService<SessionTerminator>()
            .EndSubjectAsync(StaffSite.Issuer, persona.Subject!, SessionEndReason.BackchannelLogout, default);

        Assert.Equal(StaffClosure.SessionEnded, await closed.WaitAsync(Patience));
        Assert.False((await auth.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Revoking_the_role_closes_the_staff_ui_at_once()
    {
        var (guard, _, persona) = await OpenAsync("editor");
        var closed = ClosedAsync(guard);
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var member = await site.DbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Subject == persona.Subject));

        var revoked = await site.Services.GetRequiredService<StaffRoleCommands>().RevokeAsync(admin, member.Id, StaffRole.Editor, default);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(StaffClosure.RoleRevoked, await closed.WaitAsync(Patience));
    }

    [Fact]
    public async Task Changing_the_role_closes_the_staff_ui_so_it_reopens_with_the_new_one()
    {
        var (guard, _, persona) = await OpenAsync("author");
        var closed = ClosedAsync(guard);
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var member = await site.DbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Subject == persona.Subject));

        await site.Services.GetRequiredService<StaffRoleCommands>().ChangeAsync(admin, member.Id, StaffRole.Author, StaffRole.Editor, default);

        Assert.Equal(StaffClosure.RoleChanged, await closed.WaitAsync(Patience));
    }

    [Fact]
    public async Task Without_a_signal_a_revoked_role_is_found_at_the_next_check_and_not_before()
    {
        // Another instance: it hears nothing of this one's signals.
        var elsewhere = new InProcessSignals(NullLogger<InProcessSignals>.Instance);
        var (guard, _, persona) = await OpenAsync("editor", elsewhere);
        var closed = ClosedAsync(guard);
        var interval = site.Services.GetRequiredService<IOptionsMonitor<StaffOptions>>().CurrentValue.RevalidationInterval;
        var openedCheck = guard.Inner.LastCheckedAt;
        await site.DbAsync(db => db.StaffMembers.Where(s => s.Subject == persona.Subject).ExecuteDeleteAsync());

        site.Clock.Advance(interval - TimeSpan.FromSeconds(1));
        // A check starts synchronously when the timer fires: none has.
        Assert.Equal(openedCheck, guard.Inner.LastCheckedAt);
        Assert.Null(guard.Closure);
        site.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(StaffClosure.RoleRevoked, await closed.WaitAsync(Patience));
    }

    [Fact]
    public async Task An_expired_session_is_found_at_the_next_check()
    {
        var elsewhere = new InProcessSignals(NullLogger<InProcessSignals>.Instance);
        var (guard, _, persona) = await OpenAsync("contributor", elsewhere);
        var closed = ClosedAsync(guard);

        // The session reaches its idle timeout or absolute lifetime: expiry is a time in its row, read on every check.
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.DbAsync(db => db.ReaderSessions.Where(s => s.Subject == persona.Subject).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, now)));
        site.Clock.Advance(site.Services.GetRequiredService<IOptionsMonitor<StaffOptions>>().CurrentValue.RevalidationInterval);

        Assert.Equal(StaffClosure.SessionEnded, await closed.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_closure_is_announced_again_when_the_browser_reconnects_so_a_lost_leave_is_sent_again()
    {
        var (guard, _, persona) = await OpenAsync("editor");
        var handler = new StaffCircuitHandler(guard.Inner);
        var announced = new List<StaffClosure>();
        guard.Inner.Closed += announced.Add;

        await handler.OnConnectionUpAsync(null!, default);
        Assert.Empty(announced); // an open UI: nothing to say on reconnecting

        await site.Services.GetRequiredService<SessionTerminator>()
            .EndSubjectAsync(StaffSite.Issuer, persona.Subject!, SessionEndReason.BackchannelLogout, default);
        Assert.Equal([StaffClosure.SessionEnded], announced);

        // The browser was away when the layout told it to leave; it reconnects to the same circuit.
        await handler.OnConnectionUpAsync(null!, default);

        Assert.Equal([StaffClosure.SessionEnded, StaffClosure.SessionEnded], announced);
    }

    private async Task<(TestableGuard Guard, ServerAuthenticationStateProvider Auth, Persona Persona)> OpenAsync(
        string persona, IInstanceSignals? signals = null)
    {
        var who = await site.PersonaAsync(persona);
        var principal = await who.PrincipalAsync();
        Assert.NotNull(SessionPrincipal.SessionId(principal));
        var auth = new ServerAuthenticationStateProvider();
        auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var services = site.Services;
        var guard = new TestableGuard(
            new StaffCircuitGuard(auth, services.GetRequiredService<SessionProbe>(), services.GetRequiredService<StaffDirectory>(),
                signals ?? services.GetRequiredService<IInstanceSignals>(), site.Clock,
                services.GetRequiredService<IOptionsMonitor<StaffOptions>>(), NullLogger<StaffCircuitGuard>.Instance));
        await guard.Inner.StartAsync(default);
        Assert.Null(guard.Closure);
        return (guard, auth, who);
    }

    private static Task<StaffClosure> ClosedAsync(TestableGuard guard)
    {
        var closed = new TaskCompletionSource<StaffClosure>(TaskCreationOptions.RunContinuationsAsynchronously);
        guard.Inner.Closed += closure => closed.TrySetResult(closure);
        return closed.Task;
    }

    private sealed record TestableGuard(StaffCircuitGuard Inner)
    {
        public StaffClosure? Closure => Inner.Closure;
    }
}
