namespace PublisherPortal.Infrastructure.Signals;

/// <summary>The channels instances tell each other about.</summary>
public static class SignalChannels
{
    /// <summary>A reader session ended; the message is a hash of its id (Sessions/SessionEndedSignal), never the id itself.</summary>
    public const string SessionEnded = "sessions.ended";

    /// <summary>
    /// Content changed (a story, a section, a tag, an author, a tier or plan mapping); the message is the cache tags
    /// it evicts, separated by spaces (<see cref="ContentChangeMessage"/>, docs/caching.md).
    /// </summary>
    public const string ContentChanged = "content.changed";

    /// <summary>A staff member's role was granted, changed or revoked; the message is the staff member's row id.</summary>
    public const string StaffRolesChanged = "staff.roles_changed";
}
