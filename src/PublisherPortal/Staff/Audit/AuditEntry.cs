namespace PublisherPortal.Staff.Audit;

/// <summary>
/// One staff action, written in the same transaction as the change it records: who (issuer, subject and the name
/// shown then), when, what (<see cref="Action"/> on <see cref="Target"/>) and the state before and after, as text a
/// person reads. Never a token or secret.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string ActorIssuer { get; set; }
    public required string ActorSubject { get; set; }
    public required string ActorName { get; set; }

    /// <summary>One of <see cref="AuditActions"/>, e.g. <c>tier.update</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What was changed, e.g. <c>tier premium</c> or <c>staff ada@example.com</c>.</summary>
    public required string Target { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}
