namespace PublisherPortal.Caching;

/// <summary>
/// One remembered value (a page's bytes or a query's result), the tags of everything it was built from, and the
/// moment it stops being true on its own (a story due to go live, the masthead's date at midnight).
/// </summary>
public sealed record ContentEntry(object Value, IReadOnlyCollection<string> Tags, DateTimeOffset ValidUntil, long Size);
