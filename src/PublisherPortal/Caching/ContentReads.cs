namespace PublisherPortal.Caching;

/// <summary>
/// What the value being computed right now was read from. While a page is rendered for the cache, or a query result is
/// loaded into it, every piece of content it reads names itself here (its tags) and says how long it stays true
/// (<see cref="ValidUntil"/>); the page or result is stored with exactly those tags, so a change to any of them evicts
/// it. Ambient per async flow, so a component deep in the page and a query behind a cache both reach the same set.
/// </summary>
public static class ContentReads
{
    private static readonly AsyncLocal<ContentReadSet?> Ambient = new();

    /// <summary>The set being recorded in this flow; null when nothing is being cached.</summary>
    public static ContentReadSet? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }

    /// <summary>Says that what is being computed now depends on content with these tags.</summary>
    public static void Record(IEnumerable<string> tags) => Ambient.Value?.Add(tags, DateTimeOffset.MaxValue);

    public static void Record(string tag) => Ambient.Value?.Add([tag], DateTimeOffset.MaxValue);

    /// <summary>Says that what is being computed now stops being true at <paramref name="moment"/> with no write at all.</summary>
    public static void ValidUntil(DateTimeOffset moment) => Ambient.Value?.Add([], moment);
}

/// <summary>The tags and the end of validity recorded for one page or one query result. Thread-safe: a page's
/// components may read concurrently.</summary>
public sealed class ContentReadSet
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private DateTimeOffset _validUntil = DateTimeOffset.MaxValue;

    public DateTimeOffset ValidUntil
    {
        get
        {
            lock (_gate)
            {
                return _validUntil;
            }
        }
    }

    public string[] Tags
    {
        get
        {
            lock (_gate)
            {
                return [.. _tags];
            }
        }
    }

    public void Add(IEnumerable<string> tags, DateTimeOffset validUntil)
    {
        lock (_gate)
        {
            _tags.UnionWith(tags);
            if (validUntil < _validUntil)
            {
                _validUntil = validUntil;
            }
        }
    }
}
