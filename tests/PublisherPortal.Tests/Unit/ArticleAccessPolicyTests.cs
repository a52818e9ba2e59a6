using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Unit;

public sealed class ArticleAccessPolicyTests
{
    private static readonly ArticleAccessPolicy Policy = new();
    private static readonly Reader SignedInNoPlan = Reader.Anonymous with { IsSignedIn = true, Subject = "s1", Issuer = "https://op" };
    private static readonly Reader UnmappedPlan = SignedInNoPlan with { PlanKeys = ["gold-legacy"] };
    private static readonly Reader Plus = SignedInNoPlan with { PlanKeys = ["plus"], Tier = new ReaderTier("plus", "Plus", 10) };
    private static readonly Reader Expired = SignedInNoPlan with { PlanLapsed = true };
    private static readonly Reader Premium = SignedInNoPlan with { PlanKeys = ["premium"], Tier = new ReaderTier("premium", "Premium", 20) };
    private static readonly AccessRule PlusRule = new(AccessLevel.Tier, 10, "Plus");
    private static readonly AccessRule PremiumRule = new(AccessLevel.Tier, 20, "Premium");

    [Fact]
    public void Public_articles_are_open_to_everyone() =>
        Assert.True(Policy.Decide(AccessRule.Public, Reader.Anonymous).IsFull);

    [Fact]
    public void Registered_articles_show_anonymous_readers_a_teaser_that_asks_them_to_sign_in()
    {
        var decision = Policy.Decide(new AccessRule(AccessLevel.Registered, null, null), Reader.Anonymous);
        Assert.False(decision.IsFull);
        Assert.Equal(TeaserReason.Anonymous, decision.Reason);
    }

    [Fact]
    public void Registered_articles_open_for_any_signed_in_reader() =>
        Assert.True(Policy.Decide(new AccessRule(AccessLevel.Registered, null, null), SignedInNoPlan).IsFull);

    [Fact]
    public void Tier_articles_say_why_they_stay_closed()
    {
        Assert.Equal(TeaserReason.Anonymous, Policy.Decide(PlusRule, Reader.Anonymous).Reason);
        Assert.Equal(TeaserReason.NoPlan, Policy.Decide(PlusRule, SignedInNoPlan).Reason);
        Assert.Equal(TeaserReason.PlanNotMapped, Policy.Decide(PlusRule, UnmappedPlan).Reason);
        Assert.Equal(TeaserReason.TierTooLow, Policy.Decide(PremiumRule, Plus).Reason);
        Assert.Equal(TeaserReason.Expired, Policy.Decide(PlusRule, Expired).Reason);
    }

    [Fact]
    public void An_expired_subscriber_still_reads_registered_articles() =>
        Assert.True(Policy.Decide(new AccessRule(AccessLevel.Registered, null, null), Expired).IsFull);

    [Fact]
    public void A_higher_tier_opens_lower_tiers()
    {
        Assert.True(Policy.Decide(PlusRule, Premium).IsFull);
        Assert.True(Policy.Decide(PremiumRule, Premium).IsFull);
        Assert.True(Policy.Decide(PlusRule, Plus).IsFull);
    }

    [Fact]
    public void A_tier_article_without_a_minimum_tier_fails_closed() =>
        Assert.False(Policy.Decide(new AccessRule(AccessLevel.Tier, null, null), Premium).IsFull);

    [Fact]
    public void The_query_predicate_agrees_with_the_decision_for_every_level_and_reader()
    {
        var tiers = new Dictionary<int, AccessTier> { [10] = Tier(10), [20] = Tier(20) };
        var rules = new[] { AccessRule.Public, new AccessRule(AccessLevel.Registered, null, null), PlusRule, PremiumRule, new AccessRule(AccessLevel.Tier, null, null) };
        var readers = new[] { Reader.Anonymous, SignedInNoPlan, UnmappedPlan, Expired, Plus, Premium };
        var checkedPairs = 0;
        foreach (var reader in readers)
        {
            var predicate = Policy.FullyReadableBy(reader).Compile();
            foreach (var rule in rules)
            {
                var article = new Article
                {
                    Title = "t", Slug = "s", Summary = "s", Body = "b",
                    AccessLevel = rule.Level,
                    MinimumTier = rule.MinimumTierRank is { } rank ? tiers[rank] : null,
                };
                Assert.Equal(Policy.Decide(rule, reader).IsFull, predicate(article));
                checkedPairs++;
            }
        }

        Assert.Equal(30, checkedPairs);
    }

    private static AccessTier Tier(int rank) => new() { Name = $"T{rank}", Slug = $"t{rank}", Rank = rank };
}
