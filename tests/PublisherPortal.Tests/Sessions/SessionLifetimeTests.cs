using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Sessions;

namespace PublisherPortal.Tests.Sessions;

public sealed class SessionLifetimeTests : IDisposable
{
    private readonly LogoutTokenMinter _minter = new();
    private readonly PortalFactory _portal;

    public SessionLifetimeTests() => _portal = new PortalFactory(PortalSetup.Pliro(_minter).With(new Dictionary<string, string?>
    {
        ["Sessions:IdleTimeout"] = "01:00:00",
        ["Sessions:AbsoluteLifetime"] = "02:00:00",
        ["Sessions:CacheLifetime"] = "00:00:00",
        // The test clock drives the background sweep too: a day apart, so only the tests that mean to run it do.
        ["Sessions:CleanupInterval"] = "1.00:00:00",
    }));

    [Fact]
    public async Task An_unused_session_ends_after_the_idle_timeout()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        _portal.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(await reader.IsSignedInAsync(_portal));

        _portal.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.False(await reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task The_idle_timeout_ends_a_session_long_before_its_absolute_lifetime()
    {
        using var portal = new PortalFactory(PortalSetup.Pliro(_minter).With(new Dictionary<string, string?>
        {
            ["Sessions:IdleTimeout"] = "01:00:00",
            ["Sessions:AbsoluteLifetime"] = "30.00:00:00",
            ["Sessions:CacheLifetime"] = "00:00:00",
        }));
        var reader = new ReaderClient();
        await reader.SignInAsync(portal, "cus_idle", "sid-idle");

        portal.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.False(await reader.IsSignedInAsync(portal));
    }

    [Fact]
    public async Task Activity_slides_the_session_but_never_past_its_absolute_lifetime()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        foreach (var minutes in new[] { 40, 40, 30 })
        {
            _portal.Clock.Advance(TimeSpan.FromMinutes(minutes));
            Assert.True(await reader.IsSignedInAsync(_portal), "an active reader stays signed in past the idle timeout");
        }

        _portal.Clock.Advance(TimeSpan.FromMinutes(11)); // 2 h 1 min after sign-in
        Assert.False(await reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task The_browser_holds_an_opaque_reference_and_the_database_an_encrypted_ticket()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1", [new("access_token", "secret-access-token-value"), new("id_token", "eyJsecret.id.token")]);

        Assert.DoesNotContain("secret-access-token-value", reader.SessionCookie);
        Assert.True(reader.SessionCookie!.Length < 1000);
        await using var scope = _portal.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReaderSessions.SingleAsync();
        Assert.Equal("sid-1", row.ProviderSessionId);
        Assert.Equal(LogoutTokenMinter.Issuer, row.Issuer);
        var stored = System.Text.Encoding.UTF8.GetString(row.Ticket);
        Assert.DoesNotContain("secret-access-token-value", stored);
        Assert.DoesNotContain("cus_1", stored);
    }

    [Fact]
    public async Task The_background_sweep_runs_every_cleanup_interval()
    {
        var stale = new ReaderClient();
        await stale.SignInAsync(_portal, "cus_swept", "sid-swept");
        _portal.Clock.Advance(TimeSpan.FromHours(2)); // expired by the idle timeout and the absolute lifetime

        _portal.Clock.Advance(TimeSpan.FromDays(1)); // one cleanup interval: the sweep's timer fires on the site's clock

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SessionCountAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, await SessionCountAsync());
    }

    private async Task<int> SessionCountAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReaderSessions.CountAsync();
    }

    [Fact]
    public async Task Clean_up_deletes_expired_sessions_and_spent_single_use_tokens_and_keeps_live_ones()
    {
        var stale = new ReaderClient();
        var live = new ReaderClient();
        await stale.SignInAsync(_portal, "cus_1", "sid-1");
        _portal.Clock.Advance(TimeSpan.FromMinutes(50));
        await live.SignInAsync(_portal, "cus_2", "sid-2");
        var replays = _portal.Services.GetRequiredService<DatabaseReplayStore>();
        Assert.True(await replays.TryConsumeAsync("old", _portal.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None));
        Assert.True(await replays.TryConsumeAsync("recent", _portal.Clock.GetUtcNow().AddMinutes(30), CancellationToken.None));

        _portal.Clock.Advance(TimeSpan.FromMinutes(15)); // the first session idled out 5 minutes ago
        var deleted = await _portal.Services.GetRequiredService<SessionCleanupService>().CleanUpOnceAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        await using var check = _portal.Services.CreateAsyncScope();
        var remaining = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(["sid-2"], await remaining.ReaderSessions.Select(s => s.ProviderSessionId).ToListAsync());
        Assert.Equal(1, await remaining.ConsumedTokens.CountAsync());
        Assert.True(await replays.TryConsumeAsync("old", _portal.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None)); // forgotten
        Assert.False(await replays.TryConsumeAsync("recent", _portal.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None)); // still remembered
        Assert.True(await live.IsSignedInAsync(_portal));
    }

    [Fact]
    public void Settings_that_contradict_each_other_stop_start_up_naming_them()
    {
        using var portal = new PortalFactory(PortalSetup.Pliro(_minter).With(new Dictionary<string, string?>
        {
            ["Sessions:IdleTimeout"] = "2.00:00:00",
            ["Sessions:AbsoluteLifetime"] = "1.00:00:00",
        }));
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains("Sessions:AbsoluteLifetime", error.Message);
    }

    public void Dispose()
    {
        _portal.Dispose();
    }
}
