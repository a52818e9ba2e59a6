namespace PublisherPortal.Staff.Circuits;

/// <summary>Why an open staff page was closed; the closed page shows our own words for each, never text from a request.</summary>
public enum StaffClosure
{
    /// <summary>The session behind the page ended: sign-out here or elsewhere, the provider's back-channel logout, expiry.</summary>
    SessionEnded,

    /// <summary>The person's staff role was revoked.</summary>
    RoleRevoked,

    /// <summary>The person's staff role changed: the page reopens with what the new role allows.</summary>
    RoleChanged,
}

public static class StaffClosureText
{
    public static string Code(StaffClosure closure) => closure switch
    {
        StaffClosure.SessionEnded => "session-ended",
        StaffClosure.RoleRevoked => "role-revoked",
        _ => "role-changed",
    };

    public static StaffClosure? FromCode(string? code) => code switch
    {
        "session-ended" => StaffClosure.SessionEnded,
        "role-revoked" => StaffClosure.RoleRevoked,
        "role-changed" => StaffClosure.RoleChanged,
        _ => null,
    };

    public static string Message(StaffClosure? closure) => closure switch
    {
        StaffClosure.SessionEnded =>
            "Your session has ended: you signed out, your provider signed you out, or it expired. The back office was closed; sign in again to continue.",
        StaffClosure.RoleRevoked => "Your staff role was removed, so the back office was closed. Ask an admin if this is a mistake.",
        StaffClosure.RoleChanged => "Your staff role was changed, so the back office was closed. Open it again to continue with your new role.",
        _ => "The back office was closed.",
    };
}
