using System.Linq.Expressions;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;

namespace PublisherPortal.Paywall;

/// <summary>
/// The one place that decides whether a reader may read an article's body. HTML, RSS, search, sitemap, meta tags,
/// JSON-LD and any API call it; nothing else compares access levels (Ghost's one leak came from a channel that did).
/// </summary>
public sealed class ArticleAccessPolicy
{
    public AccessDecision Decide(AccessRule rule, Reader reader)
    {
        switch (rule.Level)
        {
            case AccessLevel.Public:
                return AccessDecision.Full;
            case AccessLevel.Registered:
                return reader.IsSignedIn ? AccessDecision.Full : AccessDecision.Teaser(TeaserReason.Anonymous);
            case AccessLevel.Tier:
                if (!reader.IsSignedIn)
                {
                    return AccessDecision.Teaser(TeaserReason.Anonymous);
                }

                if (reader.Tier is null)
                {
                    return AccessDecision.Teaser(reader.PlanKeys.Count > 0 ? TeaserReason.PlanNotMapped
                        : reader.PlanLapsed ? TeaserReason.Expired
                        : TeaserReason.NoPlan);
                }

                // An article whose minimum tier is missing is closed to every tier: fail closed, never open.
                return rule.MinimumTierRank is { } minimum && reader.Tier.Rank >= minimum
                    ? AccessDecision.Full
                    : AccessDecision.Teaser(TeaserReason.TierTooLow);
            default:
                return AccessDecision.Teaser(TeaserReason.Anonymous);
        }
    }

    /// <summary>
    /// The same decision as a query predicate, so the database only searches bodies the reader may read.
    /// Must agree with <see cref="Decide"/> for every level and reader (ArticleAccessPolicyTests checks that).
    /// </summary>
    public Expression<Func<Article, bool>> FullyReadableBy(Reader reader)
    {
        if (!reader.IsSignedIn)
        {
            return a => a.AccessLevel == AccessLevel.Public;
        }

        if (reader.Tier is null)
        {
            return a => a.AccessLevel == AccessLevel.Public || a.AccessLevel == AccessLevel.Registered;
        }

        var rank = reader.Tier.Rank;
        return a => a.AccessLevel == AccessLevel.Public
            || a.AccessLevel == AccessLevel.Registered
            || (a.AccessLevel == AccessLevel.Tier && a.MinimumTier != null && a.MinimumTier.Rank <= rank);
    }
}
