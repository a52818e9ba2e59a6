using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Admin.Plans;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Entitlements;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Admin;

/// <summary>
/// What the plan mappings screen calls to set the offer a plan sells: admins only (checked by the service itself),
/// validated, audited, announced, and never overwriting a change it did not see.
/// </summary>
public sealed class PlanOfferServiceTests(StaffSite site) : IClassFixture<StaffSite>
{
    private Task<ClaimsPrincipal> AdminAsync() => PrincipalOfAsync("admin");

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string persona) => await (await site.PersonaAsync(persona)).PrincipalAsync();

    private Task<(int Id, string? Offer)> MappingAsync(string provider, string plan) => site.DbAsync(async db =>
    {
        var mapping = await db.PlanMappings.AsNoTracking().SingleAsync(m => m.ProviderKey == provider && m.PlanKey == plan);
        return (mapping.Id, mapping.Offer);
    });

    private async Task<StaffResult> SetAsync(ClaimsPrincipal user, int id, string? offer, string? original)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanOfferService>()
            .SetOfferAsync(user, id, new PlanOfferForm { Offer = offer, OriginalOffer = original }, CancellationToken.None);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("reader")]
    [InlineData("editor")]
    public async Task Only_an_admin_may_set_an_offer(string persona)
    {
        var (id, offer) = await MappingAsync("pliro", "plus");

        var result = await SetAsync(await PrincipalOfAsync(persona), id, "stolen-offer", offer);

        Assert.Equal(StaffOutcome.Refused, result.Outcome);
        Assert.Equal(offer, (await MappingAsync("pliro", "plus")).Offer);
    }

    [Theory]
    [InlineData("https://pliro.example/offers/gold")]
    [InlineData("gold yearly")]
    [InlineData("..")]
    [InlineData("gold/../../admin")]
    public async Task An_offer_that_is_not_the_name_in_the_shops_address_is_refused_at_the_field(string bad)
    {
        var (id, offer) = await MappingAsync("pliro", "plus");

        var result = await SetAsync(await AdminAsync(), id, bad, offer);

        Assert.Contains("/offers/{offer}", result.FieldErrors[nameof(PlanOfferForm.Offer)]);
        Assert.Equal(offer, (await MappingAsync("pliro", "plus")).Offer);
    }

    [Fact]
    public async Task An_offer_longer_than_the_column_is_refused()
    {
        var (id, offer) = await MappingAsync("pliro", "plus");
        Assert.False((await SetAsync(await AdminAsync(), id, new string('a', PlanOfferForm.MaxLength + 1), offer)).Succeeded);
    }

    [Fact]
    public async Task A_provider_whose_shop_sells_no_offers_gets_none()
    {
        var (id, _) = await MappingAsync("subrite", "102");

        var result = await SetAsync(await AdminAsync(), id, "premium-yearly", null);

        Assert.Contains("does not sell offers", result.FieldErrors[nameof(PlanOfferForm.Offer)]);
        Assert.Null((await MappingAsync("subrite", "102")).Offer);
    }

    [Fact]
    public async Task An_offer_another_plan_already_sells_is_refused()
    {
        var (plusId, plusOffer) = await MappingAsync("pliro", "plus");
        var premiumOffer = (await MappingAsync("pliro", "premium")).Offer!;

        var result = await SetAsync(await AdminAsync(), plusId, premiumOffer.ToUpperInvariant(), plusOffer);

        Assert.Contains("already sells plan premium", result.FieldErrors[nameof(PlanOfferForm.Offer)]);
        Assert.Equal(plusOffer, (await MappingAsync("pliro", "plus")).Offer);
    }

    [Fact]
    public async Task A_set_offer_is_audited_and_announced_and_a_stale_form_is_refused_not_overwritten()
    {
        var admin = await AdminAsync();
        var mappingId = await site.DbAsync(async db =>
        {
            var premiumTier = await db.AccessTiers.SingleAsync(t => t.Slug == "premium");
            var mapping = new PlanMapping { ProviderKey = "pliro", PlanKey = "founders", AccessTierId = premiumTier.Id };
            db.PlanMappings.Add(mapping);
            await db.SaveChangesAsync();
            return mapping.Id;
        });
        var announced = new List<string>();
        using var subscription = site.Services.GetRequiredService<IInstanceSignals>().Subscribe(SignalChannels.ContentChanged, announced.Add);

        Assert.True((await SetAsync(admin, mappingId, "founders-lifetime", null)).Succeeded);
        Assert.Contains(announced, message => ContentChangeMessage.Evicts(message, TierCatalog.CacheTag));
        var entry = await site.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.MappingOffer && e.Target == "mapping pliro/founders"));
        Assert.Equal(("no offer", "offer founders-lifetime"), (entry.Before, entry.After));

        var stale = await SetAsync(admin, mappingId, "founders-2027", null);

        Assert.Equal(StaffOutcome.Conflict, stale.Outcome);
        Assert.Equal("founders-lifetime", (await MappingAsync("pliro", "founders")).Offer);

        Assert.True((await SetAsync(admin, mappingId, "  ", "founders-lifetime")).Succeeded);
        Assert.Null((await MappingAsync("pliro", "founders")).Offer);
        Assert.Equal(StaffOutcome.Conflict, (await SetAsync(admin, mappingId + 1000, "nothing-there", null)).Outcome);
    }
}
