namespace PublisherPortal.Infrastructure.Signals;

/// <summary>The channels instances tell each other about.</summary>
public static class SignalChannels
{
    /// <summary>A reader session ended; the message is a hash of its id (Sessions/SessionTicketCache), never the id itself.</summary>
    public const string SessionEnded = "sessions.ended";

    /// <summary>An admin changed tiers or plan mappings; every instance re-reads them (Entitlements/TierCatalog).</summary>
    public const string TiersChanged = "entitlements.tiers";

    /// <summary>A staff member's role was granted, changed or revoked; the message is the staff member's row id.</summary>
    public const string StaffRolesChanged = "staff.roles_changed";
}
