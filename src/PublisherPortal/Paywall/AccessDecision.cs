namespace PublisherPortal.Paywall;

/// <summary>What a reader may see of one article, and why. Every channel renders from this and nothing else.</summary>
public sealed record AccessDecision(bool IsFull, TeaserReason Reason)
{
    public static AccessDecision Full { get; } = new(true, TeaserReason.None);

    /// <summary>Set when the article page opened the story on the monthly meter: how many free stories remain.</summary>
    public int? MeteredReadsLeft { get; init; }

    /// <summary>Set on a teaser when the reader has used this month's free stories.</summary>
    public bool MeterExhausted { get; init; }

    public static AccessDecision Teaser(TeaserReason reason) => new(false, reason);
}
