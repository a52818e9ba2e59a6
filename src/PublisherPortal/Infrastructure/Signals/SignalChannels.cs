namespace PublisherPortal.Infrastructure.Signals;

/// <summary>The channels instances tell each other about.</summary>
public static class SignalChannels
{
    /// <summary>A reader session ended; the message is its id.</summary>
    public const string SessionEnded = "sessions.ended";
}
