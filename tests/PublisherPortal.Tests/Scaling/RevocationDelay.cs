using System.Diagnostics;

namespace PublisherPortal.Tests.Scaling;

/// <summary>
/// Measures how long after a session ended on one instance the others treat it as ended: each other instance is asked,
/// as fast as it answers, until it says "anonymous". The clocks of the instances stand still, and the session cache
/// lifetime is minutes long, so only a signal between instances can explain a quick answer.
/// </summary>
public static class RevocationDelay
{
    /// <summary>Far above the target (under a second) and far below the cache lifetime the instances run with.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public const string CacheLifetime = "00:05:00";

    /// <summary>Signs a reader in on instance 0, has every instance read the session, ends it on <paramref name="endOn"/> and times the others.</summary>
    public static async Task<TimeSpan[]> MeasureAsync(InstanceGroup group, int round, int endOn)
    {
        var subject = $"cus_{round}";
        var sid = $"sid-{round}-{Guid.NewGuid():N}";
        var cookie = await group.SignInAsync(0, subject, sid);
        for (var i = 0; i < group.Instances.Count; i++)
        {
            Assert.Equal(subject, await group.WhoAsync(i, cookie)); // each instance now answers from its memory
        }

        var logout = await group.BackchannelLogoutAsync(endOn, subject, sid);
        var ended = Stopwatch.GetTimestamp();
        Assert.Equal(System.Net.HttpStatusCode.OK, logout.StatusCode);
        var others = Enumerable.Range(0, group.Instances.Count).Where(i => i != endOn);
        return await Task.WhenAll(others.Select(async i =>
        {
            while (await group.WhoAsync(i, cookie) != "anonymous")
            {
                Assert.True(Stopwatch.GetElapsedTime(ended) < Bound, $"instance {i} still served the ended session after {Bound}");
            }

            return Stopwatch.GetElapsedTime(ended);
        }));
    }

    public static string Describe(IEnumerable<TimeSpan> delays)
    {
        var ms = delays.Select(d => d.TotalMilliseconds).Order().ToList();
        return $"{ms.Count} measurements: median {ms[ms.Count / 2]:0} ms, max {ms[^1]:0} ms, all [{string.Join(", ", ms.Select(m => m.ToString("0")))}] ms";
    }
}
