namespace PublisherPortal.Paywall;

/// <summary>One subscriber story a reader opened on the meter in one month. Re-reading it that month costs nothing.</summary>
public sealed class MeteredRead
{
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    /// <summary>The calendar month, <c>yyyy-MM</c> (UTC).</summary>
    public required string Month { get; set; }
    public int ArticleId { get; set; }
    public DateTime ReadAt { get; set; }
}
