using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Sessions;

namespace PublisherPortal.Tests.Sessions;

/// <summary>
/// A session cookie planted in a browser before its reader signs in must never become that reader's session:
/// every sign-in starts a new session id and ends the session the browser held.
/// </summary>
public sealed class SessionFixationTests : IDisposable
{
    private readonly LogoutTokenMinter _minter = new();
    private readonly PortalFactory _portal;

    public SessionFixationTests() => _portal = new PortalFactory(PortalSetup.Pliro(_minter));

    [Fact]
    public async Task A_sign_in_never_keeps_the_session_id_the_browser_sent()
    {
        var attacker = new ReaderClient();
        await attacker.SignInAsync(_portal, "cus_attacker", "sid-attacker");
        var planted = attacker.SessionCookie!;
        var victim = new ReaderClient();
        victim.PlantSessionCookie(planted);

        await victim.SignInAsync(_portal, "cus_victim", "sid-victim");

        Assert.NotEqual(planted, victim.SessionCookie);
        Assert.False(await attacker.IsSignedInAsync(_portal)); // the planted session ended with the sign-in
        var sessions = await SessionsAsync();
        var only = Assert.Single(sessions);
        Assert.Equal(("cus_victim", "sid-victim"), (only.Subject, only.ProviderSessionId));
    }

    [Fact]
    public async Task The_victims_provider_sign_out_ends_the_session_their_sign_in_created()
    {
        var attacker = new ReaderClient();
        await attacker.SignInAsync(_portal, "cus_attacker", "sid-attacker");
        var victim = new ReaderClient();
        victim.PlantSessionCookie(attacker.SessionCookie!);
        await victim.SignInAsync(_portal, "cus_victim", "sid-victim");

        var logout = await _portal.CreateReader().PostAsync("/backchannel-logout/pliro",
            new FormUrlEncodedContent([new("logout_token", _minter.Sign(_minter.Claims(_portal.Clock.GetUtcNow(), "cus_victim", "sid-victim")))]));

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.False(await victim.IsSignedInAsync(_portal));
        Assert.Empty(await SessionsAsync());
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_replaces_the_session_instead_of_renewing_it()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        var first = reader.SessionCookie;

        await reader.SignInAsync(_portal, "cus_1", "sid-2");

        Assert.NotEqual(first, reader.SessionCookie);
        Assert.Equal("sid-2", Assert.Single(await SessionsAsync()).ProviderSessionId);
    }

    [Fact]
    public async Task The_session_store_refuses_to_put_a_new_sign_in_into_an_existing_session()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        var store = _portal.Services.GetRequiredService<DatabaseTicketStore>();
        var id = Assert.Single(await SessionsAsync()).Id;
        var ticket = (await store.ReadAsync(id))!;
        ticket.Properties.Items[DatabaseTicketStore.NewSignInItem] = "1";

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RenewAsync(id, ticket));

        Assert.Empty(await SessionsAsync());
    }

    [Fact]
    public async Task A_session_row_keeps_its_reader_whatever_ticket_renews_it()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        var other = new ReaderClient();
        await other.SignInAsync(_portal, "cus_2", "sid-2");
        var store = _portal.Services.GetRequiredService<DatabaseTicketStore>();
        var sessions = await SessionsAsync();
        var first = sessions.Single(s => s.Subject == "cus_1");
        var second = sessions.Single(s => s.Subject == "cus_2");

        await store.RenewAsync(first.Id, (await store.ReadAsync(second.Id))!);

        var unchanged = (await store.ReadAsync(first.Id))!;
        Assert.Equal("cus_1", unchanged.Principal.FindFirst("sub")!.Value);
    }

    private async Task<List<ReaderSession>> SessionsAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReaderSessions.AsNoTracking().ToListAsync();
    }

    public void Dispose()
    {
        _portal.Dispose();
    }
}
