namespace PublisherPortal.Caching;

/// <summary>
/// Marks a page or endpoint whose anonymous response is the same bytes for every anonymous reader, so
/// <see cref="AnonymousPageCache"/> may serve it from memory. Names the query parameters the page reads: they, and
/// only they, are part of the cache key (any other parameter, such as a campaign tag, cannot change the page).
/// Everything the page shows must be read through <see cref="ContentCache"/> or recorded with
/// <see cref="ContentReads"/>, so the page carries the tags that evict it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CachedForAnonymousReadersAttribute(params string[] queryParameters) : Attribute
{
    public IReadOnlyList<string> QueryParameters { get; } = queryParameters;
}
