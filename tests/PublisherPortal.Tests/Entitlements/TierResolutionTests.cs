using System.Security.Claims;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.Entitlements;

public sealed class TierResolutionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReaderTier Plus = new("plus", "Plus", 10);
    private static readonly ReaderTier Premium = new("premium", "Premium", 20);
    private static readonly TierMap Map = new([Plus, Premium],
    [
        ("pliro", "plus", Plus), ("pliro", "premium", Premium), ("subrite", "101", Plus), ("subrite", "102", Premium),
    ]);
    private const string Pliro = "pliro";

    private static ReaderEntitlement Resolve(string provider, EntitlementSnapshot snapshot) =>
        TierResolution.Resolve(provider, snapshot, Map, Now, TimeSpan.FromHours(6));

    private static EntitlementSnapshot Snapshot(params string[] keys) =>
        new(keys, new Dictionary<string, DateTimeOffset>(), false, Now.AddMinutes(-5), PlanSources.Claims, null);

    [Fact]
    public void The_best_mapped_plan_decides_the_tier() =>
        Assert.Equal(Premium, Resolve(Pliro, Snapshot("plus", "premium")).Tier);

    [Fact]
    public void Plan_keys_match_mappings_of_the_readers_own_provider_only() =>
        Assert.Null(Resolve("pipa", Snapshot("premium")).Tier);

    [Fact]
    public void Plan_keys_match_regardless_of_case() =>
        Assert.Equal(Plus, Resolve(Pliro, Snapshot("PLUS")).Tier);

    [Fact]
    public void A_subscription_that_ends_during_the_session_stops_counting_and_reads_as_expired()
    {
        var snapshot = Snapshot("102") with { ExpiresAt = new Dictionary<string, DateTimeOffset> { ["102"] = Now.AddMinutes(-1) } };
        var reader = Resolve("subrite", snapshot);
        Assert.Null(reader.Tier);
        Assert.Empty(reader.PlanKeys);
        Assert.True(reader.PlanLapsed);
    }

    [Fact]
    public void A_last_known_snapshot_never_opens_more_than_the_tier_it_gave()
    {
        var snapshot = Snapshot("plus", "premium") with { Source = PlanSources.LastKnown, TierCap = 10 };
        Assert.Equal(Plus, Resolve(Pliro, snapshot).Tier);
    }

    [Fact]
    public void A_last_known_snapshot_counts_only_during_its_grace_period()
    {
        var snapshot = Snapshot("premium") with { Source = PlanSources.LastKnown, TierCap = 20, ReadAt = Now.AddHours(-7) };
        Assert.Null(Resolve(Pliro, snapshot).Tier);
    }

    [Fact]
    public void The_snapshot_survives_a_round_trip_through_session_claims()
    {
        var identity = new ClaimsIdentity([new Claim(OidcClaimTypes.Plan, "raw-from-provider")], "test");
        var snapshot = new EntitlementSnapshot(["101", "Plus digital"],
            new Dictionary<string, DateTimeOffset> { ["101"] = Now.AddDays(30), ["Plus digital"] = Now.AddDays(30) },
            true, Now, PlanSources.MemberApi, 10);
        snapshot.WriteTo(identity);

        var read = EntitlementSnapshot.FromPrincipal(new ClaimsPrincipal(identity));
        Assert.Equal(["101", "Plus digital"], read.PlanKeys);
        Assert.Equal(Now.AddDays(30), read.ExpiresAt["Plus digital"]);
        Assert.True(read.Lapsed);
        Assert.Equal(Now, read.ReadAt);
        Assert.Equal(PlanSources.MemberApi, read.Source);
        Assert.Equal(10, read.TierCap);
    }

    [Fact]
    public void The_cheapest_sufficient_plan_is_offered_for_an_upgrade()
    {
        Assert.Equal("plus", Map.CheapestPlanFor("pliro", 10));
        Assert.Equal("102", Map.CheapestPlanFor("subrite", 20));
        Assert.Null(Map.CheapestPlanFor("pixelpin", 10));
    }
}
