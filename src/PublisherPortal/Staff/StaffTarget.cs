namespace PublisherPortal.Staff;

/// <summary>How the audit log and messages name a staff member: their e-mail or name as last seen, and their subject.</summary>
public static class StaffTarget
{
    public static string Describe(StaffMember member) =>
        $"staff {member.Email ?? member.Name ?? "(no name)"} ({member.Subject})";
}
