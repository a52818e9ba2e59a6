using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Replay;

/// <summary>The single-use guard behind sign-in state: atomic, expiring, replaceable by the app's.</summary>
public sealed class ReplayStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Of_many_parallel_consumers_of_one_key_exactly_one_wins()
    {
        var store = new InMemoryOidcReplayStore(new FakeTimeProvider(Start));
        using var start = new Barrier(16);

        for (var round = 0; round < 50; round++)
        {
            var key = $"state:op:journey-{round}";
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return store.TryConsumeAsync(key, Start.AddMinutes(5), CancellationToken.None).Result;
            }, TaskCreationOptions.LongRunning)));

            Assert.Equal(1, results.Count(won => won));
        }
    }

    [Fact]
    public async Task A_value_is_refused_until_it_expires_and_accepted_once_after()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryOidcReplayStore(clock);

        Assert.True(await store.TryConsumeAsync("k", Start.AddMinutes(5), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await store.TryConsumeAsync("k", Start.AddMinutes(9), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await store.TryConsumeAsync("k", Start.AddMinutes(11), CancellationToken.None));
        Assert.False(await store.TryConsumeAsync("k", Start.AddMinutes(11), CancellationToken.None));
    }

    [Fact]
    public async Task Expired_values_are_forgotten_so_memory_stays_bounded()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryOidcReplayStore(clock);
        for (var i = 0; i < 1000; i++)
        {
            await store.TryConsumeAsync($"old-{i}", Start.AddMinutes(1), CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 100; i++)
        {
            await store.TryConsumeAsync($"new-{i}", Start.AddMinutes(10), CancellationToken.None);
        }

        Assert.True(store.Count < 200, $"{store.Count} values remembered");
    }

    [Fact]
    public async Task Refuses_keys_longer_than_the_contract_allows() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new InMemoryOidcReplayStore(TimeProvider.System).TryConsumeAsync(new string('k', 201), Start, CancellationToken.None));

    [Fact]
    public async Task The_handler_consults_the_apps_store_with_a_namespaced_state_key()
    {
        var store = new RecordingStore(answer: false);
        await using var s = await Scenario.StartAsync(services: services => services.AddSingleton<IOidcReplayStore>(store));

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.StateReplayed);
        var key = Assert.Single(store.Keys);
        Assert.StartsWith($"state:{Scenario.Key}:", key, StringComparison.Ordinal);
        Assert.Empty(s.Provider.TokenRequests);
    }

    private sealed class RecordingStore(bool answer) : IOidcReplayStore
    {
        public List<string> Keys { get; } = [];

        public Task<bool> TryConsumeAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            Keys.Add(key);
            return Task.FromResult(answer);
        }
    }
}
