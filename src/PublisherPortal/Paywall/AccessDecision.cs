namespace PublisherPortal.Paywall;

/// <summary>What a reader may see of one article, and why. Every channel renders from this and nothing else.</summary>
public sealed record AccessDecision(bool IsFull, TeaserReason Reason)
{
    public static AccessDecision Full { get; } = new(true, TeaserReason.None);

    public static AccessDecision Teaser(TeaserReason reason) => new(false, reason);
}
