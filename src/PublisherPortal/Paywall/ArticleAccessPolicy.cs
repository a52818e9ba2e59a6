using PublisherPortal.Accounts;

namespace PublisherPortal.Paywall;

/// <summary>
/// The one place that decides whether a reader may read an article's body. HTML, RSS, search, sitemap, meta tags,
/// JSON-LD, any API and the admin's access explainer call it; nothing else compares access levels (Ghost's one leak
/// came from a channel that did). Only the article page may open a story on the monthly meter.
/// </summary>
public sealed class ArticleAccessPolicy(ArticleMeter meter)
{
    /// <summary>What the reader gets in lists, feeds, search and meta tags: the rule alone, never the meter.</summary>
    public static AccessDecision Decide(AccessRule rule, Reader reader)
    {
        if (ScopeFor(reader).Admits(rule))
        {
            return AccessDecision.Full;
        }

        if (!reader.IsSignedIn)
        {
            return AccessDecision.Teaser(TeaserReason.Anonymous);
        }

        return AccessDecision.Teaser(
            reader.Tier is not null ? TeaserReason.TierTooLow
            : reader.PlanKeys.Count > 0 ? TeaserReason.PlanNotMapped
            : reader.PlanLapsed ? TeaserReason.Expired
            : TeaserReason.NoPlan);
    }

    /// <summary>
    /// What the reader gets on the article page: the rule, then, for a subscriber story the rule closes to a
    /// signed-in reader, the monthly meter (<see cref="MeterUse.Record"/> spends a free story; Peek only looks).
    /// </summary>
    public async Task<AccessDecision> DecideForArticlePageAsync(
        int articleId, AccessRule rule, Reader reader, MeterUse use, CancellationToken cancellationToken = default)
    {
        var decision = Decide(rule, reader);
        return decision.IsFull || rule.Level != AccessLevel.Tier || !reader.IsSignedIn
            ? decision
            : await meter.OpenAsync(articleId, reader, decision, use, cancellationToken);
    }

    /// <summary>The same decision as data for queries: which bodies the database may search for this reader.</summary>
    public static ReadableScope ScopeFor(Reader reader) =>
        !reader.IsSignedIn ? ReadableScope.PublicOnly : new ReadableScope(true, reader.Tier?.Rank);
}
