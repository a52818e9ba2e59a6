using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Tests.Sessions;

/// <summary>Sign-in states and logout tokens are single-use across every instance sharing the database.</summary>
public sealed class DatabaseReplayStoreTests : IDisposable
{
    private readonly LogoutTokenMinter _minter = new();
    private readonly PortalFactory _a;
    private readonly PortalFactory _b;

    public DatabaseReplayStoreTests()
    {
        _a = new PortalFactory(PortalSetup.Pliro(_minter));
        _ = _a.Services;
        _b = new PortalFactory(PortalSetup.Pliro(_minter) with { SharedDatabasePath = _a.DatabasePath });
    }

    [Fact]
    public void The_relying_party_uses_the_database_store_not_its_in_memory_default() =>
        Assert.IsType<DatabaseReplayStore>(_a.Services.GetRequiredService<IOidcReplayStore>());

    [Fact]
    public async Task A_value_consumed_on_one_instance_is_refused_on_another()
    {
        var expires = _a.Clock.GetUtcNow().AddMinutes(10);
        Assert.True(await _a.Services.GetRequiredService<IOidcReplayStore>().TryConsumeAsync("state:pliro:n-1", expires, CancellationToken.None));

        Assert.False(await _b.Services.GetRequiredService<IOidcReplayStore>().TryConsumeAsync("state:pliro:n-1", expires, CancellationToken.None));
    }

    [Fact]
    public async Task Of_many_instances_racing_for_one_value_exactly_one_wins()
    {
        var expires = _a.Clock.GetUtcNow().AddMinutes(10);
        var stores = new[] { _a, _b, _a, _b, _a, _b, _a, _b }.Select(p => p.Services.GetRequiredService<IOidcReplayStore>());

        var results = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryConsumeAsync("state:pliro:race", expires, CancellationToken.None))));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task A_forgotten_value_may_be_used_again()
    {
        var store = _a.Services.GetRequiredService<DatabaseReplayStore>();
        var expires = _a.Clock.GetUtcNow().AddMinutes(10);
        Assert.True(await store.TryConsumeAsync("logout:i:j", expires, CancellationToken.None));

        await store.ForgetAsync("logout:i:j", CancellationToken.None);

        Assert.True(await store.TryConsumeAsync("logout:i:j", expires, CancellationToken.None));
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }
}
