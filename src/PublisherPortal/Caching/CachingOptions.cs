namespace PublisherPortal.Caching;

/// <summary>
/// This instance's memory of what it rendered and read (section <c>Caching</c>): anonymous pages as bytes, and the
/// query results every reader's pages are built from. Both are evicted by tag when content changes (docs/caching.md).
/// </summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>Serve anonymous readers' pages from memory. Off only to debug or to measure the site without it.</summary>
    public bool AnonymousPages { get; set; } = true;

    /// <summary>Memory for cached pages and query results together, in MiB; the least recently used go first beyond it.</summary>
    public int SizeLimitMiB { get; set; } = 64;

    /// <summary>
    /// The longest anything stays cached without an eviction: a backstop should a change signal from another
    /// instance be lost. Eviction by change is what keeps pages current; this only bounds a lost message.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public long SizeLimitBytes => SizeLimitMiB * 1024L * 1024L;

    /// <summary>A single page or result larger than this is served but never kept: a quarter of the budget.</summary>
    public long MaxEntryBytes => SizeLimitBytes / 4;
}
