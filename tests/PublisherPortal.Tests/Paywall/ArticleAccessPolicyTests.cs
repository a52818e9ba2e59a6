using PublisherPortal.Accounts;
using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Paywall;

public sealed class ArticleAccessPolicyTests
{
    private static readonly Reader SignedInNoPlan = Reader.Anonymous with { IsSignedIn = true, Subject = "s1", Issuer = "https://op" };
    private static readonly Reader UnmappedPlan = SignedInNoPlan with { PlanKeys = ["gold-legacy"] };
    private static readonly Reader Plus = SignedInNoPlan with { PlanKeys = ["plus"], Tier = new ReaderTier("plus", "Plus", 10) };
    private static readonly Reader Expired = SignedInNoPlan with { PlanLapsed = true };
    private static readonly Reader Premium = SignedInNoPlan with { PlanKeys = ["premium"], Tier = new ReaderTier("premium", "Premium", 20) };
    private static readonly AccessRule PlusRule = new(AccessLevel.Tier, 10, "Plus");
    private static readonly AccessRule PremiumRule = new(AccessLevel.Tier, 20, "Premium");

    [Fact]
    public void Public_articles_are_open_to_everyone() =>
        Assert.True(ArticleAccessPolicy.Decide(AccessRule.Public, Reader.Anonymous).IsFull);

    [Fact]
    public void Registered_articles_show_anonymous_readers_a_teaser_that_asks_them_to_sign_in()
    {
        var decision = ArticleAccessPolicy.Decide(new AccessRule(AccessLevel.Registered, null, null), Reader.Anonymous);
        Assert.False(decision.IsFull);
        Assert.Equal(TeaserReason.Anonymous, decision.Reason);
    }

    [Fact]
    public void Registered_articles_open_for_any_signed_in_reader() =>
        Assert.True(ArticleAccessPolicy.Decide(new AccessRule(AccessLevel.Registered, null, null), SignedInNoPlan).IsFull);

    [Fact]
    public void Tier_articles_say_why_they_stay_closed()
    {
        Assert.Equal(TeaserReason.Anonymous, ArticleAccessPolicy.Decide(PlusRule, Reader.Anonymous).Reason);
        Assert.Equal(TeaserReason.NoPlan, ArticleAccessPolicy.Decide(PlusRule, SignedInNoPlan).Reason);
        Assert.Equal(TeaserReason.PlanNotMapped, ArticleAccessPolicy.Decide(PlusRule, UnmappedPlan).Reason);
        Assert.Equal(TeaserReason.TierTooLow, ArticleAccessPolicy.Decide(PremiumRule, Plus).Reason);
        Assert.Equal(TeaserReason.Expired, ArticleAccessPolicy.Decide(PlusRule, Expired).Reason);
    }

    [Fact]
    public void An_expired_subscriber_still_reads_registered_articles() =>
        Assert.True(ArticleAccessPolicy.Decide(new AccessRule(AccessLevel.Registered, null, null), Expired).IsFull);

    [Fact]
    public void A_higher_tier_opens_lower_tiers()
    {
        Assert.True(ArticleAccessPolicy.Decide(PlusRule, Premium).IsFull);
        Assert.True(ArticleAccessPolicy.Decide(PremiumRule, Premium).IsFull);
        Assert.True(ArticleAccessPolicy.Decide(PlusRule, Plus).IsFull);
    }

    [Fact]
    public void A_tier_article_without_a_minimum_tier_fails_closed() =>
        Assert.False(ArticleAccessPolicy.Decide(new AccessRule(AccessLevel.Tier, null, null), Premium).IsFull);
}
