namespace PublisherPortal.Staff;

/// <summary>
/// What a staff member may do in the back office. Each role includes every lower one: an Admin may do what
/// an Editor may. Stored by name, so the numbers only order them.
/// </summary>
public enum StaffRole
{
    /// <summary>Writes drafts.</summary>
    Contributor = 1,

    /// <summary>Publishes their own stories.</summary>
    Author = 2,

    /// <summary>Every story, access levels, sections, tags and authors.</summary>
    Editor = 3,

    /// <summary>Tiers, plan mappings, staff and settings.</summary>
    Admin = 4,
}
