namespace PublisherPortal.Staff;

/// <summary>
/// A person with a staff role, identified as readers are: by the issuer and subject of their provider account, never
/// by e-mail. Name and e-mail are what their provider said at their last sign-in, for people to recognise them.
/// </summary>
public sealed class StaffMember
{
    public int Id { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    public StaffRole Role { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }

    /// <summary>The e-mail their provider asserted verified at their last sign-in: what a <c>Portal:Admins</c> address is matched against.</summary>
    public string? VerifiedEmail { get; set; }

    public DateTime GrantedAt { get; set; }

    /// <summary>Who granted or last changed the role, as the audit log names them.</summary>
    public required string GrantedBy { get; set; }
}
