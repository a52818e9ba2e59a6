using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// Faults in the connections between instances: Redis going away and coming back, PostgreSQL restarting (played
/// by cutting every connection through a relay the test owns: the shared server is never stopped). Readers keep
/// reading, nothing answers 5xx, an ended session still ends everywhere (within the cache lifetime while the signals
/// are down), and the signals work again once the connection is back.
/// </summary>
public sealed class SignalFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Redis_down_falls_back_to_the_cache_lifetime_and_signals_resume_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var group = Scaling.InstanceGroup.Start(2, null, new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Sessions:CacheLifetime"] = "00:00:30",
        });
        await AssertSignalsWorkAsync(group, "before");

        await redis.StopAsync();
        var cookie = await group.SignInAsync(0, "cus_down", "sid-down");
        Assert.Equal("cus_down", await group.WhoAsync(1, cookie));
        Assert.Equal(HttpStatusCode.OK, (await group.BackchannelLogoutAsync(0, "cus_down", "sid-down")).StatusCode);
        Assert.Equal("anonymous", await group.WhoAsync(0, cookie)); // nothing lost: the session is gone from the database
        Assert.Equal("cus_down", await group.WhoAsync(1, cookie)); // the signal is lost with Redis...
        group[1].Clock.Advance(CacheLifetime);
        Assert.Equal("anonymous", await group.WhoAsync(1, cookie)); // ...and the cache lifetime bounds it
        var ready = await ReadyAsync(group, 1);
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("signals").GetProperty("status").GetString());
        await AssertReadingWorksAsync(group);

        await redis.StartAgainAsync();
        await AssertSignalsWorkAsync(group, "after Redis came back");
    }

    [Fact]
    public async Task A_database_restart_loses_no_session_and_the_signals_reconnect()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var relay = new TcpProxy(server.Host!, server.Port);
        // Through the relay, with connection pooling on, as in production.
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Pooling = true }.ConnectionString;
        await using var group = Scaling.InstanceGroup.Start(2, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connection,
        }, new Dictionary<string, string?> { ["Sessions:CacheLifetime"] = "00:00:30" });
        await AssertSignalsWorkAsync(group, "before");
        var survivor = await group.SignInAsync(0, "cus_survivor", "sid-survivor");

        // The restart: every connection drops at once; the server is back a moment later.
        relay.Cut();
        relay.Open();

        await AssertReadingWorksAsync(group);
        Assert.Equal("cus_survivor", await group.WhoAsync(1, survivor));
        group[1].Clock.Advance(CacheLifetime); // from the database, not from memory
        Assert.Equal("cus_survivor", await group.WhoAsync(1, survivor));
        await AssertSignalsWorkAsync(group, "after the restart");
    }

    /// <summary>Ends a session on instance 0 and waits, up to the deadline, for instance 1 to hear of it (its clock stands still).</summary>
    private async Task AssertSignalsWorkAsync(Scaling.InstanceGroup group, string when)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var sid = $"sid-{Guid.NewGuid():N}";
            var cookie = await group.SignInAsync(0, "cus_signal", sid);
            Assert.Equal("cus_signal", await group.WhoAsync(1, cookie));
            Assert.Equal(HttpStatusCode.OK, (await group.BackchannelLogoutAsync(0, "cus_signal", sid)).StatusCode);
            var ended = Stopwatch.StartNew();
            while (ended.Elapsed < TimeSpan.FromSeconds(2))
            {
                if (await group.WhoAsync(1, cookie) == "anonymous")
                {
                    output.WriteLine($"signals work {when}: {clock.Elapsed.TotalSeconds:0.0} s, {attempt + 1} attempt(s)");
                    return;
                }
            }

            Assert.True(clock.Elapsed < Recovery, $"signals did not work {when} within {Recovery}");
        }
    }

    /// <summary>Pages and readiness on every instance: none answers 5xx.</summary>
    private static async Task AssertReadingWorksAsync(Scaling.InstanceGroup group)
    {
        for (var i = 0; i < group.Instances.Count; i++)
        {
            foreach (var path in new[] { "/", "/latest", $"/articles/{group[i].LivePublic().Slug}", "/search?q=harbour", "/health/ready" })
            {
                var response = await group.GetAsync(i, path);
                Assert.True((int)response.StatusCode < 500, $"{path} on instance {i} answered {response.StatusCode}");
            }
        }
    }

    private static async Task<JsonElement> ReadyAsync(Scaling.InstanceGroup group, int instance)
    {
        var response = await group.GetAsync(instance, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
