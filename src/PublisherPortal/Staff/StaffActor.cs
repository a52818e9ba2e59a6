namespace PublisherPortal.Staff;

/// <summary>A staff member allowed to act, as the database had them when the action was authorized.</summary>
public sealed record StaffActor(string Issuer, string Subject, string Name, StaffRole Role);
