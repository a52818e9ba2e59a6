using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.Admin;

public sealed class AdminScreensTests(AdminScreensTests.Portal portal) : IClassFixture<AdminScreensTests.Portal>
{
    private const string AdminEmail = "editor@gazette.test";

    [Fact]
    public async Task Admin_screens_are_for_admins_only()
    {
        var anonymous = await portal.CreateReader().GetAsync("/admin/tiers");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());

        var reader = await portal.SignInAsync("pliro", "cus_not_admin", plan: "premium", email: "reader@example.com");
        var page = await reader.GetAsync("/admin/plans");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/denied", page.Headers.Location!.ToString());
        var post = await reader.PostAsync("/admin/tiers", new FormUrlEncodedContent([new("Name", "Intruder"), new("Slug", "intruder"), new("Rank", "99")]));
        Assert.False(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.StartsWith("/admin/tiers", StringComparison.Ordinal));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AccessTiers.AnyAsync(t => t.Name == "Intruder"));
    }

    [Fact]
    public async Task An_admin_creates_a_tier_and_bad_input_gets_a_clear_error()
    {
        var admin = await portal.SignInAsync("pliro", "cus_admin1", email: AdminEmail, emailVerified: true);
        var (_, _, page) = await admin.GetPageAsync("/admin/tiers");

        var bad = await SubmitAsync(admin, page, "form[aria-label='New tier']", new() { ["Name"] = "Gold", ["Slug"] = "Gold Tier!", ["Rank"] = "30" });
        Assert.Contains("slug must be", await MessageAsync(admin, bad));
        var clash = await SubmitAsync(admin, page, "form[aria-label='New tier']", new() { ["Name"] = "Gold", ["Slug"] = "gold", ["Rank"] = "20" });
        Assert.Contains("already has rank 20", await MessageAsync(admin, clash));

        var created = await SubmitAsync(admin, page, "form[aria-label='New tier']", new() { ["Name"] = "Gold", ["Slug"] = "gold", ["Rank"] = "30" });
        Assert.Contains("Tier Gold created", await MessageAsync(admin, created));
        var (_, _, after) = await admin.GetPageAsync("/admin/tiers");
        Assert.NotNull(after.QuerySelector("form[aria-label='Edit tier Gold']"));
    }

    [Fact]
    public async Task A_conflicting_tier_edit_is_refused_not_overwritten()
    {
        var admin = await portal.SignInAsync("pliro", "cus_admin2", email: AdminEmail, emailVerified: true);
        var (_, _, page) = await admin.GetPageAsync("/admin/tiers");
        var first = await SubmitAsync(admin, page, "form[aria-label='Edit tier Plus']", new() { ["Description"] = "First admin's words." });
        Assert.Contains("saved", await MessageAsync(admin, first));

        // A second admin still has the page from before the first save.
        var second = await SubmitAsync(admin, page, "form[aria-label='Edit tier Plus']", new() { ["Description"] = "Second admin's words." });
        Assert.Contains("changed or removed by someone else", await MessageAsync(admin, second));
        await using var scope = portal.Services.CreateAsyncScope();
        var plus = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AccessTiers.SingleAsync(t => t.Slug == "plus");
        Assert.Equal("First admin's words.", plus.Description);
    }

    [Fact]
    public async Task A_tier_that_articles_or_plans_use_cannot_be_deleted()
    {
        var admin = await portal.SignInAsync("pliro", "cus_admin3", email: AdminEmail, emailVerified: true);
        var (_, _, page) = await admin.GetPageAsync("/admin/tiers");
        var refused = await SubmitAsync(admin, page, "form[aria-label='Delete tier Premium']", []);
        Assert.Contains("minimum tier of articles", await MessageAsync(admin, refused));
    }

    [Fact]
    public async Task Mapping_a_plan_seen_but_unmapped_opens_the_readers_tier_on_their_next_page_load()
    {
        var reader = await portal.SignInAsync("pliro", "cus_legacy", plan: "legacy-digital");
        var article = portal.LiveGated().First(a => a.MinimumTier?.Slug == "plus");
        var sentence = portal.Demo.GatedSentences[article.Slug];
        Assert.DoesNotContain(sentence, (await reader.GetPageAsync($"/articles/{article.Slug}")).Body);

        var admin = await portal.SignInAsync("pliro", "cus_admin4", email: AdminEmail, emailVerified: true);
        var (_, _, page) = await admin.GetPageAsync("/admin/plans");
        var row = page.QuerySelectorAll(".unmapped-plans tbody tr").Single(r => r.TextContent.Contains("legacy-digital"));
        Assert.Contains("1", row.Children[3].TextContent);
        var plusId = page.QuerySelectorAll("form[aria-label='Map legacy-digital'] option").Single(o => o.TextContent.StartsWith("Plus")).GetAttribute("value")!;
        var mapped = await SubmitAsync(admin, page, "form[aria-label='Map legacy-digital']", new() { ["TierId"] = plusId });
        Assert.Contains("now opens its tier", await MessageAsync(admin, mapped));

        Assert.Contains(sentence, (await reader.GetPageAsync($"/articles/{article.Slug}")).Body);
        var (_, _, after) = await admin.GetPageAsync("/admin/plans");
        Assert.DoesNotContain("legacy-digital", after.QuerySelector("#unmapped-heading")!.ParentElement!.TextContent);

        var duplicate = await SubmitAsync(admin, after, "form[aria-label='New mapping at pliro']", new() { ["PlanKey"] = "LEGACY-digital", ["TierId"] = plusId });
        Assert.Contains("already mapped", await MessageAsync(admin, duplicate));
    }

    [Fact]
    public async Task The_explainer_shows_a_readers_provider_plans_tier_and_the_decision_with_its_reason()
    {
        await portal.SignInAsync("pliro", "cus_explained", plan: "plus", email: "Explained.Reader@example.com");
        var premium = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var admin = await portal.SignInAsync("pliro", "cus_admin5", email: AdminEmail, emailVerified: true);

        var (_, _, page) = await admin.GetPageAsync($"/admin/readers?q=explained.reader%40example.com&article=%2Farticles%2F{premium.Slug}");
        var explanation = page.QuerySelector(".explanation")!;
        Assert.Contains("pliro", explanation.TextContent);
        Assert.Contains("plus → Plus", explanation.QuerySelector(".explanation__plans")!.TextContent);
        Assert.Contains("Plus (rank 10)", explanation.QuerySelector(".explanation__tier")!.TextContent);
        Assert.Contains("tier too low", explanation.QuerySelector(".explanation__decision")!.TextContent);

        var (_, _, bySubject) = await admin.GetPageAsync("/admin/readers?q=cus_explained");
        Assert.NotNull(bySubject.QuerySelector(".explanation"));
        var (_, _, nobody) = await admin.GetPageAsync("/admin/readers?q=nobody%40example.com&article=no-such-story");
        Assert.Contains("No live article", nobody.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_mapping_form_cannot_delete_another_providers_unmapped_plan()
    {
        portal.MemberApi.Profile("tok-unmapped", FakeMemberApi.ProfileJson("Un Mapped", "unmapped@subrite.test", (909, "Gold (legacy)", "active", portal.Now.AddDays(30))));
        await portal.SignInAsync("subrite", "member-unmapped", accessToken: "tok-unmapped");
        var admin = await portal.SignInAsync("pliro", "cus_admin6", email: AdminEmail, emailVerified: true);
        var (_, _, page) = await admin.GetPageAsync("/admin/plans");
        var subriteRow = await UnmappedIdAsync("subrite");
        var plusId = page.QuerySelectorAll("form[aria-label='New mapping at pliro'] option").Single(o => o.TextContent.StartsWith("Plus")).GetAttribute("value")!;

        await SubmitAsync(admin, page, "form[aria-label='New mapping at pliro']",
            new() { ["PlanKey"] = "tampered-plan", ["TierId"] = plusId, ["UnmappedId"] = subriteRow.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(subriteRow, await UnmappedIdAsync("subrite"));
    }

    private async Task<int> UnmappedIdAsync(string provider)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().UnmappedPlans.Where(u => u.ProviderKey == provider)
            .Select(u => u.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string formSelector, Dictionary<string, string> values)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no {formSelector}");
        var fields = form.QuerySelectorAll("input[name], select[name]")
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() is var e && e.TagName == "SELECT"
                ? (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))?.GetAttribute("value") ?? ""
                : e.GetAttribute("value") ?? "");
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static async Task<string> MessageAsync(HttpClient client, HttpResponseMessage redirect)
    {
        var (_, _, page) = await client.GetPageAsync(redirect.Headers.Location!.OriginalString);
        return page.QuerySelector(".admin-message")?.TextContent ?? "(no message)";
    }

    public sealed class Portal() : PortalFactory(PortalSetup.Offline.With("Portal:Admins:0", AdminEmail));
}
