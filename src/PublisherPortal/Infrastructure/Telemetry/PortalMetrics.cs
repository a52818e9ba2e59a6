using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PublisherPortal.Infrastructure.Telemetry;

/// <summary>
/// The site's own metrics, on the meter <see cref="MeterName"/> (docs/operations.md, "Telemetry"). Every tag value is a
/// provider key from settings, an outcome or a reason from a fixed list: never a reader, an address, a token or a
/// free text someone else wrote. Recording costs nothing when no exporter listens.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "PublisherPortal";

    /// <summary>Traces of the site's own work (the relying party's calls show up through HttpClient instrumentation).</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> _signIns;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _backchannelLogouts;
    private readonly Counter<long> _sessionsEnded;
    private readonly Counter<long> _paywallShown;
    private readonly Counter<long> _subscribeClicks;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<double> _memberApiDuration;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("portal.sign_ins", "{sign-in}", "Completed sign-in journeys, by provider and outcome (succeeded, failed)");
        _signInFailures = meter.CreateCounter<long>("portal.sign_in.failures", "{failure}", "Failed sign-ins, by provider and reason (a protocol or relying-party error code)");
        _backchannelLogouts = meter.CreateCounter<long>("portal.backchannel_logouts", "{request}", "Back-channel logout requests, by provider and outcome (ended, none_found, refused)");
        _sessionsEnded = meter.CreateCounter<long>("portal.sessions.ended", "{session}", "Reader sessions ended, by reason");
        _paywallShown = meter.CreateCounter<long>("portal.paywall.shown", "{view}", "Article views that showed the paywall, by reason");
        _subscribeClicks = meter.CreateCounter<long>("portal.paywall.subscribe_clicks", "{click}", "Readers who followed a subscribe link to the site's own subscribe page");
        _cacheLookups = meter.CreateCounter<long>("portal.cache.lookups", "{lookup}", "Lookups in the site's caches, by cache and result (hit, miss)");
        _memberApiDuration = meter.CreateHistogram<double>("portal.member_api.duration", "s", "Time the provider's member API took to answer, by provider and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5] });
    }

    public void SignInSucceeded(string provider) => _signIns.Add(1, new("provider", provider), new("outcome", "succeeded"));

    public void SignInFailed(string provider, string reason)
    {
        _signIns.Add(1, new("provider", provider), new("outcome", "failed"));
        _signInFailures.Add(1, new("provider", provider), new("reason", reason));
    }

    public void BackchannelLogout(string provider, string outcome) => _backchannelLogouts.Add(1, new("provider", provider), new("outcome", outcome));

    public void SessionsEnded(int count, string reason) => _sessionsEnded.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void PaywallShown(string reason) => _paywallShown.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void SubscribeClicked(string reason) => _subscribeClicks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>For every cache of the site (sessions, tiers, pages): <paramref name="cache"/> is a fixed name.</summary>
    public void CacheLookup(string cache, bool hit) => _cacheLookups.Add(1, new("cache", cache), new("result", hit ? "hit" : "miss"));

    public void MemberApiCall(string provider, string outcome, TimeSpan duration) =>
        _memberApiDuration.Record(duration.TotalSeconds, new("provider", provider), new("outcome", outcome));
}
