namespace PublisherPortal.Staff.Audit;

/// <summary>The kinds of staff action the audit log records; the newsroom adds its own under <c>article.</c>.</summary>
public static class AuditActions
{
    public const string StaffGrant = "staff.grant";
    public const string StaffChange = "staff.change";
    public const string StaffRevoke = "staff.revoke";

    /// <summary><c>Portal:Admins</c> (or, in Development, <c>Staff:DevelopmentRoles</c>) gave a role at sign-in.</summary>
    public const string StaffBootstrap = "staff.bootstrap";

    public const string TierCreate = "tier.create";
    public const string TierUpdate = "tier.update";
    public const string TierDelete = "tier.delete";
    public const string MappingCreate = "mapping.create";
    public const string MappingUpdate = "mapping.update";
    public const string MappingDelete = "mapping.delete";
    public const string MappingOffer = "mapping.offer";

    public static IReadOnlyList<string> All { get; } =
    [
        StaffGrant, StaffChange, StaffRevoke, StaffBootstrap, TierCreate, TierUpdate, TierDelete, MappingCreate, MappingUpdate, MappingDelete, MappingOffer,
    ];
}
