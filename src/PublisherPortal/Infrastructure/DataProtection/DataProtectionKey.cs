namespace PublisherPortal.Infrastructure.DataProtection;

/// <summary>One Data Protection key, as the key manager's XML, shared by every instance through the database.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
