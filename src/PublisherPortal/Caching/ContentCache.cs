namespace PublisherPortal.Caching;

/// <summary>
/// Query results shared by every reader (lists, a story, the navigation), remembered until a change evicts them. A
/// result is stored with the tags its loader recorded (<see cref="ContentReads"/>), and hands those tags on to whatever
/// is being cached around it, so a page built from cached results is evicted with them. Null results (an unknown slug)
/// are never stored: a scanner's typos must not fill the memory, and a story going live must be found at once.
/// </summary>
public sealed class ContentCache(ContentMemory memory, TimeProvider clock)
{
    public async ValueTask<T?> GetOrLoadAsync<T>(string key, Func<Task<T?>> load, Func<T, long> size)
        where T : class
    {
        if (memory.TryGet(key, clock.GetUtcNow(), out var hit))
        {
            ContentReads.Current?.Add(hit.Tags, hit.ValidUntil);
            return (T)hit.Value;
        }

        var epoch = memory.Epoch;
        var outer = ContentReads.Current;
        var reads = new ContentReadSet();
        ContentReads.Current = reads;
        T? value;
        try
        {
            value = await load();
        }
        finally
        {
            ContentReads.Current = outer;
        }

        var tags = reads.Tags;
        outer?.Add(tags, reads.ValidUntil);
        if (value is not null)
        {
            memory.TrySet(key, new ContentEntry(value, tags, reads.ValidUntil, size(value)), epoch);
        }

        return value;
    }

    /// <summary>
    /// A value computed in memory from content already read (a story's body rendered at one revision), kept with
    /// <paramref name="tags"/> under the same rules as everything else.
    /// </summary>
    public T GetOrCreate<T>(string key, IReadOnlyCollection<string> tags, Func<T> create, Func<T, long> size)
        where T : class
    {
        if (memory.TryGet(key, clock.GetUtcNow(), out var hit))
        {
            return (T)hit.Value;
        }

        var epoch = memory.Epoch;
        var value = create();
        memory.TrySet(key, new ContentEntry(value, tags, DateTimeOffset.MaxValue, size(value)), epoch);
        return value;
    }
}
