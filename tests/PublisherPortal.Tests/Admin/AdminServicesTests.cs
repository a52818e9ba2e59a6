using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Admin.Plans;
using PublisherPortal.Admin.Tiers;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Admin;

/// <summary>
/// The admin screens' actions as their pages call them, by an admin signed in through the real pipeline: bad input
/// answered at the field with nothing saved, conflicting edits refused, every change audited, and tier changes
/// announced so readers' access follows on their next page.
/// </summary>
public sealed class AdminServicesTests(StaffSite site) : IClassFixture<StaffSite>
{
    private TierService Tiers => site.Services.GetRequiredService<TierService>();
    private PlanMappingService Mappings => site.Services.GetRequiredService<PlanMappingService>();

    [Fact]
    public async Task Bad_tier_input_is_answered_at_the_field_and_nothing_is_saved()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();

        var bad = await Tiers.CreateAsync(admin, new TierForm { Name = "Gold", Slug = "Gold Tier!", Rank = 30 }, default);
        var clash = await Tiers.CreateAsync(admin, new TierForm { Name = "Gold", Slug = "gold", Rank = 20 }, default);

        Assert.Equal(StaffOutcome.Invalid, bad.Outcome);
        Assert.Contains("slug must be", bad.FieldErrors[nameof(TierForm.Slug)]);
        Assert.Equal(StaffOutcome.Invalid, clash.Outcome);
        Assert.Contains("already has rank 20", clash.FieldErrors[nameof(TierForm.Rank)]);
        Assert.False(await site.DbAsync(db => db.AccessTiers.AnyAsync(t => t.Name == "Gold")));
    }

    [Fact]
    public async Task A_new_tier_is_saved_audited_and_announced()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var announced = new List<string>();
        using var subscription = site.Services.GetRequiredService<IInstanceSignals>().Subscribe(SignalChannels.ContentChanged, announced.Add);

        var created = await Tiers.CreateAsync(admin, new TierForm { Name = "Bronze", Slug = "bronze", Rank = 5, Description = "Entry level." }, default);

        Assert.True(created.Succeeded, created.Message);
        Assert.Contains(announced, message => ContentChangeMessage.Evicts(message, TierCatalog.CacheTag));
        var entry = await site.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.TierCreate && e.Target == "tier bronze"));
        Assert.Equal(StaffSite.AdminSubject, entry.ActorSubject);
        Assert.Null(entry.Before);
        Assert.Equal("Bronze (bronze), rank 5: Entry level.", entry.After);
    }

    [Fact]
    public async Task A_conflicting_tier_edit_is_refused_not_overwritten_and_the_first_is_audited_before_and_after()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var plus = await site.DbAsync(db => db.AccessTiers.AsNoTracking().SingleAsync(t => t.Slug == "plus"));
        var firstForm = TierForm.From(plus);
        var secondForm = TierForm.From(plus);
        firstForm.Description = "First admin's words.";
        secondForm.Description = "Second admin's words.";

        var first = await Tiers.UpdateAsync(admin, plus.Id, firstForm, default);
        var second = await Tiers.UpdateAsync(admin, plus.Id, secondForm, default);

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(StaffOutcome.Conflict, second.Outcome);
        Assert.Contains("changed or removed by someone else", second.Message);
        Assert.Equal("First admin's words.", (await site.DbAsync(db => db.AccessTiers.SingleAsync(t => t.Slug == "plus"))).Description);
        var entry = await site.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.TierUpdate && e.Target == "tier plus"));
        Assert.DoesNotContain("First admin's words.", entry.Before);
        Assert.EndsWith("First admin's words.", entry.After);
    }

    [Fact]
    public async Task A_tier_that_articles_use_cannot_be_deleted()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var premium = await site.DbAsync(db => db.AccessTiers.AsNoTracking().SingleAsync(t => t.Slug == "premium"));

        var refused = await Tiers.DeleteAsync(admin, premium.Id, TierForm.From(premium), default);

        Assert.Contains("minimum tier of articles", refused.Message);
        Assert.True(await site.DbAsync(db => db.AccessTiers.AnyAsync(t => t.Slug == "premium")));
    }

    [Fact]
    public async Task Mapping_a_plan_seen_but_unmapped_opens_the_readers_tier_on_their_next_page_load()
    {
        var reader = await site.SignInAsync("pliro", "cus_legacy", plan: "legacy-digital");
        var article = site.LiveGated().First(a => a.MinimumTier?.Slug == "plus");
        var sentence = site.Demo.GatedSentences[article.Slug];
        Assert.DoesNotContain(sentence, await reader.GetStringAsync($"/articles/{article.Slug}"));
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var unmapped = await Mappings.UnmappedAsync(admin, null, true, 0, 50, default);
        var sighting = unmapped.Plans.Single(p => p.PlanKey == "legacy-digital");
        Assert.Equal(1, sighting.SeenCount);
        var plus = await site.DbAsync(db => db.AccessTiers.SingleAsync(t => t.Slug == "plus"));

        var mapped = await Mappings.CreateAsync(admin, new PlanMappingForm { Provider = "pliro", PlanKey = "legacy-digital", TierId = plus.Id }, default);

        Assert.True(mapped.Succeeded, mapped.Message);
        Assert.Contains(sentence, await reader.GetStringAsync($"/articles/{article.Slug}"));
        Assert.DoesNotContain((await Mappings.UnmappedAsync(admin, null, true, 0, 50, default)).Plans, p => p.PlanKey == "legacy-digital");
        var duplicate = await Mappings.CreateAsync(admin, new PlanMappingForm { Provider = "pliro", PlanKey = "LEGACY-digital", TierId = plus.Id }, default);
        Assert.Contains("already mapped", duplicate.FieldErrors[nameof(PlanMappingForm.PlanKey)]);
        Assert.True(await site.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.MappingCreate && e.Target == "mapping pliro/legacy-digital")));
    }

    [Fact]
    public async Task Mapping_a_plan_leaves_another_providers_unmapped_plan_alone()
    {
        site.MemberApi.Profile("tok-unmapped", FakeMemberApi.ProfileJson("Un Mapped", "unmapped@subrite.test", (909, "Gold (legacy)", "active", site.Now.AddDays(30))));
        await site.SignInAsync("subrite", "member-unmapped", accessToken: "tok-unmapped");
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var plus = await site.DbAsync(db => db.AccessTiers.SingleAsync(t => t.Slug == "plus"));

        var mapped = await Mappings.CreateAsync(admin, new PlanMappingForm { Provider = "pliro", PlanKey = "909", TierId = plus.Id }, default);

        Assert.True(mapped.Succeeded, mapped.Message);
        Assert.True(await site.DbAsync(db => db.UnmappedPlans.AnyAsync(u => u.ProviderKey == "subrite" && u.PlanKey == "909")));
    }

    [Fact]
    public async Task A_mapping_change_refuses_a_stale_tier_and_reaches_the_tier_map_through_the_signal()
    {
        var admin = await (await site.PersonaAsync("admin")).PrincipalAsync();
        var tiers = await site.DbAsync(db => db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).ToListAsync());
        var created = await Mappings.CreateAsync(admin, new PlanMappingForm { Provider = "pixelpin", PlanKey = "gift", TierId = tiers[0].Id }, default);
        Assert.True(created.Succeeded, created.Message);
        var row = (await Mappings.ListAsync(admin, "pixelpin", "gift", null, false, 0, 10, default)).Rows.Single();
        Assert.Equal(tiers[0].Name, site.Services.GetRequiredService<TierCatalog>().Get().TierOf("pixelpin", "gift")?.Name);

        var changed = await Mappings.UpdateAsync(admin, row.Id, new PlanMappingForm { PlanKey = "gift", TierId = tiers[^1].Id, OriginalTierId = row.TierId }, default);
        var stale = await Mappings.UpdateAsync(admin, row.Id, new PlanMappingForm { PlanKey = "gift", TierId = tiers[0].Id, OriginalTierId = row.TierId }, default);

        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(StaffOutcome.Conflict, stale.Outcome);
        // The tier map is cached for Entitlements:MappingCacheDuration (30 s); only the announcement makes it follow at once.
        Assert.Equal(tiers[^1].Name, site.Services.GetRequiredService<TierCatalog>().Get().TierOf("pixelpin", "gift")?.Name);
    }

    [Fact]
    public async Task The_explainer_page_shows_a_readers_provider_plans_tier_and_the_decision_with_its_reason()
    {
        await site.SignInAsync("pliro", "cus_explained", plan: "plus", email: "Explained.Reader@example.com");
        var premium = site.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var admin = await site.PersonaAsync("admin");

        var (_, _, page) = await admin.Client.GetPageAsync($"/admin/readers?q=explained.reader%40example.com&article=%2Farticles%2F{premium.Slug}");
        var explanation = page.QuerySelector(".explanation")!;
        Assert.Contains("pliro", explanation.TextContent);
        Assert.Contains("plus → Plus", explanation.QuerySelector(".explanation__plans")!.TextContent);
        Assert.Contains("Plus (rank 10)", explanation.QuerySelector(".explanation__tier")!.TextContent);
        Assert.Contains("tier too low", explanation.QuerySelector(".explanation__decision")!.TextContent);

        var (_, _, nobody) = await admin.Client.GetPageAsync("/admin/readers?q=nobody%40example.com&article=no-such-story");
        Assert.Contains("No live article", string.Join(" ", nobody.QuerySelectorAll("[role=alert]").Select(a => a.TextContent)));
    }
}
