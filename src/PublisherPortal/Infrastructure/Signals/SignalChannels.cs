namespace PublisherPortal.Infrastructure.Signals;

/// <summary>The channels instances tell each other about.</summary>
public static class SignalChannels
{
    /// <summary>A reader session ended; the message is its id.</summary>
    public const string SessionEnded = "sessions.ended";

    /// <summary>
    /// Content changed (a story, a section, a tag, an author, a tier or plan mapping); the message is the cache tags
    /// it evicts, separated by spaces (<see cref="ContentChangeMessage"/>, docs/caching.md).
    /// </summary>
    public const string ContentChanged = "content.changed";
}
