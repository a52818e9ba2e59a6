namespace PublisherPortal.Paywall;

/// <summary>One subscriber story a reader opened on the meter in one month. Re-reading it that month costs nothing.</summary>
public sealed class MeteredRead
{
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    /// <summary>The calendar month, <c>yyyy-MM</c> (UTC).</summary>
    public required string Month { get; set; }
    public int ArticleId { get; set; }
    /// <summary>
    /// Which of the month's free stories this was (1…allowance), unique per reader and month: two requests racing for
    /// the last free story cannot both take it.
    /// </summary>
    public int Slot { get; set; }
    public DateTime ReadAt { get; set; }
}
