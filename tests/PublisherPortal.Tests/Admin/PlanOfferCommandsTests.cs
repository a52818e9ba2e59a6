using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Admin;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.Admin;

/// <summary>
/// The service the plan mappings screen calls to set the offer a plan sells: admins only (checked by the service
/// itself), validated, and never overwriting a change it did not see.
/// </summary>
public sealed class PlanOfferCommandsTests(SignedInPortalFactory portal) : IClassFixture<SignedInPortalFactory>
{
    private static readonly ClaimsPrincipal Admin = Principal("Admin");

    private static ClaimsPrincipal Principal(params string[] roles) => new(new ClaimsIdentity(
        roles.Select(r => new Claim(OidcClaimTypes.Role, r)).Prepend(new Claim(OidcClaimTypes.Subject, "staff-1")),
        "test", OidcClaimTypes.Name, OidcClaimTypes.Role));

    private async Task<(int Id, string? Offer)> MappingAsync(string provider, string plan)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var mapping = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PlanMappings.AsNoTracking()
            .SingleAsync(m => m.ProviderKey == provider && m.PlanKey == plan);
        return (mapping.Id, mapping.Offer);
    }

    private async Task<AdminResult> SetAsync(ClaimsPrincipal user, int id, string? offer, string? original)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanOfferCommands>()
            .SetOfferAsync(user, id, new PlanOfferForm { Offer = offer, OriginalOffer = original }, CancellationToken.None);
    }

    [Fact]
    public async Task Only_an_admin_may_set_an_offer()
    {
        var (id, offer) = await MappingAsync("pliro", "plus");

        foreach (var user in new[] { new ClaimsPrincipal(new ClaimsIdentity()), Principal(), Principal("Editor") })
        {
            var result = await SetAsync(user, id, "stolen-offer", offer);
            Assert.False(result.Succeeded);
            Assert.Contains("Only an admin", result.Message);
        }

        Assert.Equal(offer, (await MappingAsync("pliro", "plus")).Offer);
    }

    [Theory]
    [InlineData("https://pliro.example/offers/gold")]
    [InlineData("gold yearly")]
    [InlineData("..")]
    [InlineData("gold/../../admin")]
    public async Task An_offer_that_is_not_the_name_in_the_shops_address_is_refused(string bad)
    {
        var (id, offer) = await MappingAsync("pliro", "plus");

        var result = await SetAsync(Admin, id, bad, offer);

        Assert.False(result.Succeeded);
        Assert.Contains("/offers/{offer}", result.Message);
        Assert.Equal(offer, (await MappingAsync("pliro", "plus")).Offer);
    }

    [Fact]
    public async Task An_offer_longer_than_the_column_is_refused()
    {
        var (id, offer) = await MappingAsync("pliro", "plus");
        Assert.False((await SetAsync(Admin, id, new string('a', PlanOfferCommands.MaxLength + 1), offer)).Succeeded);
    }

    [Fact]
    public async Task A_provider_whose_shop_sells_no_offers_gets_none()
    {
        var (id, offer) = await MappingAsync("subrite", "102");

        var result = await SetAsync(Admin, id, "premium-yearly", offer);

        Assert.False(result.Succeeded);
        Assert.Contains("does not sell offers", result.Message);
        Assert.Null((await MappingAsync("subrite", "102")).Offer);
    }

    [Fact]
    public async Task An_offer_another_plan_already_sells_is_refused()
    {
        var (plusId, plusOffer) = await MappingAsync("pliro", "plus");
        var premiumOffer = (await MappingAsync("pliro", "premium")).Offer!;

        var result = await SetAsync(Admin, plusId, premiumOffer.ToUpperInvariant(), plusOffer);

        Assert.False(result.Succeeded);
        Assert.Contains("already sells plan premium", result.Message);
        Assert.Equal(plusOffer, (await MappingAsync("pliro", "plus")).Offer);
    }

    [Fact]
    public async Task A_form_shown_before_someone_else_changed_the_offer_is_refused_not_overwritten()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var premiumTier = await db.AccessTiers.SingleAsync(t => t.Slug == "premium");
        var mapping = new PublisherPortal.Entitlements.PlanMapping { ProviderKey = "pliro", PlanKey = "founders", AccessTierId = premiumTier.Id };
        db.PlanMappings.Add(mapping);
        await db.SaveChangesAsync();

        Assert.True((await SetAsync(Admin, mapping.Id, "founders-lifetime", null)).Succeeded);
        var stale = await SetAsync(Admin, mapping.Id, "founders-2027", null);

        Assert.False(stale.Succeeded);
        Assert.Contains("changed or removed by someone else", stale.Message);
        Assert.Equal("founders-lifetime", (await MappingAsync("pliro", "founders")).Offer);

        Assert.True((await SetAsync(Admin, mapping.Id, "  ", "founders-lifetime")).Succeeded);
        Assert.Null((await MappingAsync("pliro", "founders")).Offer);
        Assert.False((await SetAsync(Admin, mapping.Id + 1000, "nothing-there", null)).Succeeded);
    }
}
