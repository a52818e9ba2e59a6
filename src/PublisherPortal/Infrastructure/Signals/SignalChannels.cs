namespace PublisherPortal.Infrastructure.Signals;

/// <summary>The channels instances tell each other about.</summary>
public static class SignalChannels
{
    /// <summary>A reader session ended; the message is its id.</summary>
    public const string SessionEnded = "sessions.ended";

    /// <summary>A staff member's role was granted, changed or revoked; the message is the staff member's row id.</summary>
    public const string StaffRolesChanged = "staff.roles_changed";

    /// <summary>Tiers or plan mappings changed; every instance drops its cached tier map (the message says which).</summary>
    public const string TiersChanged = "entitlements.tiers_changed";
}
