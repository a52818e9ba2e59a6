namespace PublisherPortal.DevProviders.Readers;

/// <summary>
/// The test readers and their subscriptions, in memory. Subscribing on a stand-in's checkout or
/// subscribe page changes the state here, so the next token, userinfo or member API call sees it.
/// Thread-safe: one lock guards all subscription lists (the volume is a developer clicking).
/// </summary>
internal sealed class ReaderDirectory
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, TestReader> _readers;
    private readonly Dictionary<string, List<ReaderSubscription>> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _nextSubscriptionId = 1000;

    public ReaderDirectory(TimeProvider time)
    {
        _time = time;
        _readers = TestReaderCatalog.Readers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (readerId, subscription) in TestReaderCatalog.InitialSubscriptions(time.GetUtcNow()))
        {
            SubscriptionsOf(readerId).Add(subscription);
        }
    }

    public IReadOnlyList<TestReader> ReadersOf(string provider) =>
        TestReaderCatalog.Readers.Where(r => r.Provider == provider).ToList();

    public TestReader? Find(string provider, string readerId) =>
        _readers.TryGetValue(readerId, out var reader) && reader.Provider == provider ? reader : null;

    /// <summary>The reader's subscriptions that are active now, newest first.</summary>
    public IReadOnlyList<ReaderSubscription> ActiveSubscriptions(string readerId)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return SubscriptionsOf(readerId).Where(s => s.IsActiveAt(now)).OrderByDescending(s => s.ActivatedAt).ToList();
        }
    }

    /// <summary>The plan slug for single-plan providers (Pliro, PiPA): the newest active subscription, if any.</summary>
    public string? CurrentPlan(string readerId) => ActiveSubscriptions(readerId).FirstOrDefault()?.PlanKey;

    /// <summary>Replaces any active plan by <paramref name="offer"/> (Pliro and PiPA customers hold one plan).</summary>
    public void ChangePlan(string readerId, PlanOffer offer)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var list = SubscriptionsOf(readerId);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].IsActiveAt(now))
                {
                    list[i] = list[i] with { Status = "cancelled", ExpiresAt = now };
                }
            }

            list.Add(NewSubscription(offer, now));
        }
    }

    /// <summary>Adds a subscription to <paramref name="offer"/> unless one is already active (Subrite checkout).</summary>
    public ReaderSubscription Activate(string readerId, PlanOffer offer)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var list = SubscriptionsOf(readerId);
            var existing = list.FirstOrDefault(s => s.PlanKey == offer.Key && s.IsActiveAt(now));
            if (existing is not null)
            {
                return existing;
            }

            var created = NewSubscription(offer, now);
            list.Add(created);
            return created;
        }
    }

    private ReaderSubscription NewSubscription(PlanOffer offer, DateTimeOffset now) =>
        new(++_nextSubscriptionId, offer.Key, offer.Name, "active", now, now, now.AddYears(1));

    private List<ReaderSubscription> SubscriptionsOf(string readerId)
    {
        if (!_subscriptions.TryGetValue(readerId, out var list))
        {
            list = [];
            _subscriptions[readerId] = list;
        }

        return list;
    }
}
