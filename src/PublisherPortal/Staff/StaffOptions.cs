namespace PublisherPortal.Staff;

/// <summary>The staff area's settings (section <c>Staff</c>), checked at start-up by <see cref="StaffOptionsValidator"/>.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>The longest the fallback check may take to allow.</summary>
    public static readonly TimeSpan MaxRevalidationInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an open staff page re-checks its session and role against the database. The signals between
    /// instances close it at once; this is the fallback when a signal does not arrive (another instance, no transport).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Development only: <c>issuer|subject|Role</c> entries given that role at sign-in (an issuer that is a path is
    /// relative to <c>Portal:BaseUrl</c>, as the stand-ins' are), so the local stand-in
    /// providers' test staff reach the back office with no other setting. Any entry outside Development stops
    /// start-up: production staff are granted on the staff screen, the first admin by <c>Portal:Admins</c>.
    /// </summary>
    public List<string> DevelopmentRoles { get; set; } = [];
}
