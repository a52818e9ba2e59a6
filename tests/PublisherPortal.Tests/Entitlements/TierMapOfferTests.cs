using PublisherPortal.Entitlements;

namespace PublisherPortal.Tests.Entitlements;

/// <summary>Which offer the paywall sells: the one an admin set for the cheapest tier that opens the story.</summary>
public sealed class TierMapOfferTests
{
    private static readonly ReaderTier Plus = new("plus", "Plus", 10);
    private static readonly ReaderTier Premium = new("premium", "Premium", 20);
    private static readonly ReaderTier Patron = new("patron", "Patron", 30);

    private static TierMap Map(params (string Provider, string Offer, ReaderTier Tier)[] offers) => new(
        [Plus, Premium, Patron],
        [("pliro", "plus", Plus), ("pliro", "premium", Premium), ("pliro", "patron", Patron)],
        offers);

    [Fact]
    public void The_offer_of_the_cheapest_sufficient_tier_is_sold()
    {
        var map = Map(("pliro", "plus-monthly", Plus), ("pliro", "premium-yearly", Premium), ("pliro", "patron-yearly", Patron));
        Assert.Equal("plus-monthly", map.CheapestOfferFor("pliro", 10));
        Assert.Equal("premium-yearly", map.CheapestOfferFor("pliro", 20));
        Assert.Equal("premium-yearly", map.CheapestOfferFor("PLIRO", 11));
    }

    [Fact]
    public void A_tier_without_an_offer_is_passed_over_for_the_next_that_has_one() =>
        Assert.Equal("patron-yearly", Map(("pliro", "patron-yearly", Patron)).CheapestOfferFor("pliro", 20));

    [Fact]
    public void No_offer_is_guessed_when_none_was_set()
    {
        Assert.Null(Map().CheapestOfferFor("pliro", 10));
        Assert.Null(Map(("pliro", "plus-monthly", Plus)).CheapestOfferFor("pliro", 20));
        Assert.Null(Map(("pliro", "plus-monthly", Plus)).CheapestOfferFor("subrite", 10));
    }
}
