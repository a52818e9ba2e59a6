using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PublisherPortal.Infrastructure.Signals;

namespace PublisherPortal.Caching;

/// <summary>
/// This instance's memory of pages and query results, evicted by tag (docs/caching.md). Two rules make it safe:
/// <list type="number">
/// <item>Evicting a tag drops every entry that carries it: each tag is a cancellation token its entries watch, so an
/// entry is gone for every lookup from the moment <see cref="Evict"/> returns.</item>
/// <item>Nothing computed before an eviction is stored after it. Every eviction moves the epoch, and
/// <see cref="TrySet"/> stores only when the epoch has not moved since the computation began: a render that read a
/// story just before it was gated, and finishes just after the change was announced, is served once and forgotten.</item>
/// </list>
/// Bounded by <see cref="CachingOptions.SizeLimitMiB"/> (least recently used first) and <see cref="CachingOptions.MaxAge"/>.
/// </summary>
public sealed class ContentMemory : IDisposable
{
    /// <summary>Evicts everything (the demo seeder, a restore): every entry carries it implicitly.</summary>
    public const string EverythingTag = ContentChangeMessage.EverythingTag;

    private readonly MemoryCache _cache;
    private readonly CachingOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _tags = new(StringComparer.Ordinal);
    private readonly IDisposable _changes;
    private long _epoch;

    public ContentMemory(IOptions<CachingOptions> options, IInstanceSignals signals)
    {
        _options = options.Value;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.SizeLimitBytes, CompactionPercentage = 0.25 });
        // A change on any instance (this one included) evicts here as soon as the news arrives.
        _changes = signals.Subscribe(SignalChannels.ContentChanged, message => Evict(ContentChangeMessage.Decode(message)));
    }

    /// <summary>Taken before computing something to store: <see cref="TrySet"/> refuses it if an eviction came in between.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Entries currently held (for tests and diagnostics).</summary>
    public long Count => _cache.Count;

    public bool TryGet(string key, DateTimeOffset now, [NotNullWhen(true)] out ContentEntry? entry)
    {
        if (_cache.TryGetValue(key, out var value) && value is ContentEntry found)
        {
            if (now < found.ValidUntil)
            {
                entry = found;
                return true;
            }

            // Past its own end (a scheduled story is live now, the date changed): recomputed by whoever asked.
            _cache.Remove(key);
        }

        entry = null;
        return false;
    }

    /// <returns>False when an eviction happened since <paramref name="epochAtStart"/>, or the entry is too big to keep.</returns>
    public bool TrySet(string key, ContentEntry entry, long epochAtStart)
    {
        if (entry.Size > _options.MaxEntryBytes)
        {
            return false;
        }

        lock (_gate)
        {
            if (_epoch != epochAtStart)
            {
                return false;
            }

            var options = new MemoryCacheEntryOptions { Size = entry.Size, AbsoluteExpirationRelativeToNow = _options.MaxAge };
            foreach (var tag in entry.Tags)
            {
                if (!_tags.TryGetValue(tag, out var source))
                {
                    _tags[tag] = source = new CancellationTokenSource();
                }

                options.ExpirationTokens.Add(new CancellationChangeToken(source.Token));
            }

            _cache.Set(key, entry, options);
            return true;
        }
    }

    /// <summary>Drops every entry carrying any of <paramref name="tags"/>, and anything being computed now from being stored.</summary>
    public void Evict(IEnumerable<string> tags)
    {
        lock (_gate)
        {
            _epoch++;
            foreach (var tag in tags)
            {
                if (tag == EverythingTag)
                {
                    foreach (var source in _tags.Values)
                    {
                        source.Cancel();
                    }

                    _tags.Clear();
                    _cache.Clear();
                    return;
                }

                if (_tags.Remove(tag, out var cancelled))
                {
                    cancelled.Cancel();
                }
            }
        }
    }

    public void Dispose()
    {
        _changes.Dispose();
        _cache.Dispose();
    }
}
