using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;
using PublisherPortal.Search;

namespace PublisherPortal.Tests.Search;

public sealed class ArticleSearchTests
{
    private static readonly Reader SignedInNoPlan = Reader.Anonymous with { IsSignedIn = true, Subject = "s1", Issuer = "https://op" };

    public static TheoryData<string, Reader> Readers => new()
    {
        { "anonymous", Reader.Anonymous },
        { "signed in, no plan", SignedInNoPlan },
        { "unmapped plan", SignedInNoPlan with { PlanKeys = ["gold-legacy"] } },
        { "expired", SignedInNoPlan with { PlanLapsed = true } },
        { "plus", SignedInNoPlan with { PlanKeys = ["plus"], Tier = new ReaderTier("plus", "Plus", 10) } },
        { "premium", SignedInNoPlan with { PlanKeys = ["premium"], Tier = new ReaderTier("premium", "Premium", 20) } },
    };

    public static TheoryData<string, AccessRule> Rules => new()
    {
        { "public", AccessRule.Public },
        { "registered", new AccessRule(AccessLevel.Registered, null, null) },
        { "plus", new AccessRule(AccessLevel.Tier, 10, "Plus") },
        { "premium", new AccessRule(AccessLevel.Tier, 20, "Premium") },
        { "tier without a minimum", new AccessRule(AccessLevel.Tier, null, null) },
    };

    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var reader in Readers)
        {
            foreach (var rule in Rules)
            {
                pairs.Add((string)reader[0], (string)rule[0]);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_search_predicate_admits_a_body_exactly_when_the_access_decision_opens_it(string readerName, string ruleName)
    {
        var reader = (Reader)Readers.Single(r => (string)r[0] == readerName)[1];
        var rule = (AccessRule)Rules.Single(r => (string)r[0] == ruleName)[1];
        var article = new Article
        {
            Title = "t", Slug = "s", Summary = "s", Body = "b",
            AccessLevel = rule.Level,
            MinimumTier = rule.MinimumTierRank is { } rank ? new AccessTier { Name = $"T{rank}", Slug = $"t{rank}", Rank = rank } : null,
        };

        var predicate = ArticleSearch.FullyReadable(ArticleAccessPolicy.ScopeFor(reader)).Compile();

        Assert.Equal(ArticleAccessPolicy.Decide(rule, reader).IsFull, predicate(article));
    }
}
