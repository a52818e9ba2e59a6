using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Articles;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.Providers;

public sealed class EntitlementFlowTests(SignedInPortalFactory portal) : IClassFixture<SignedInPortalFactory>
{
    private Article PremiumArticle => portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");

    private string Sentence(Article a) => portal.Demo.GatedSentences[a.Slug];

    [Fact]
    public async Task A_pliro_reader_without_a_plan_is_sent_to_the_offer_an_admin_set_and_back_with_the_marker()
    {
        var reader = await portal.SignInAsync("pliro", "cus_offer", email: "o@example.com");
        var (_, _, document) = await reader.GetPageAsync($"/articles/{PremiumArticle.Slug}");
        var link = document.QuerySelector(".paywall__actions a")!;
        Assert.Equal("Subscribe to Premium", link.TextContent.Trim());
        var back = Uri.EscapeDataString($"{PortalFactory.BaseUrl}/articles/{PremiumArticle.Slug}?portal_refresh=1");
        // The demo's admin set offer digital-premium-yearly on plan premium: its subscribe page, since the e-mail is known.
        Assert.Equal($"https://pliro.example/offers/digital-premium-yearly/subscribe?continue_url={back}&email=o@example.com", link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_subrite_reader_is_sent_to_checkout_with_reference_completion_and_cancel_urls()
    {
        portal.MemberApi.Profile("tok-checkout", FakeMemberApi.ProfileJson("Ola Upgrade", "ola@subrite.test"));
        var reader = await portal.SignInAsync("subrite", "sub-checkout", accessToken: "tok-checkout");
        var (_, _, document) = await reader.GetPageAsync($"/articles/{PremiumArticle.Slug}");
        var href = new Uri(document.QuerySelector(".paywall__actions a")!.GetAttribute("href")!);
        Assert.Equal("https://shop.subrite.example/checkout", href.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(href.Query);
        var article = $"{PortalFactory.BaseUrl}/articles/{PremiumArticle.Slug}";
        Assert.Equal("102", query["package"]);
        Assert.Equal($"/articles/{PremiumArticle.Slug}", query["reference"]);
        Assert.Equal(article + "?portal_refresh=1", query["onCheckoutCompletedUrl"]);
        Assert.Equal(article, query["callBackUrl"]);
    }

    [Fact]
    public async Task The_account_page_shows_who_a_subrite_reader_is_from_the_member_api()
    {
        portal.MemberApi.Profile("tok-who", FakeMemberApi.ProfileJson("Prem Ium", "prem.ium@subrite.test",
            (102, "Premium", "active", portal.Now.AddDays(30))));
        var reader = await portal.SignInAsync("subrite", "sub-who", accessToken: "tok-who");
        var (_, _, document) = await reader.GetPageAsync("/account");
        var facts = document.QuerySelector(".account-facts")!.TextContent;
        Assert.Contains("Prem Ium", facts);
        Assert.Contains("prem.ium@subrite.test", facts);
        Assert.Contains("102", facts);
    }

    [Fact]
    public async Task After_checkout_the_member_api_is_read_again_and_the_story_opens_at_the_clean_url()
    {
        portal.MemberApi.Profile("tok-buyer", FakeMemberApi.ProfileJson("Ola", "ola.buyer@subrite.test"));
        var reader = await portal.SignInAsync("subrite", "sub-buyer", accessToken: "tok-buyer");
        var (_, page, _) = await reader.GetPageAsync($"/articles/{PremiumArticle.Slug}");
        Assert.DoesNotContain(Sentence(PremiumArticle), page);

        // The reader buys Premium at Subrite's checkout and comes back to onCheckoutCompletedUrl.
        portal.MemberApi.Profile("tok-buyer", FakeMemberApi.ProfileJson("Ola", "ola.buyer@subrite.test",
            (102, "Premium", "active", portal.Now.AddYears(1))));
        var back = await reader.GetAsync($"/articles/{PremiumArticle.Slug}?portal_refresh=1");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/articles/{PremiumArticle.Slug}", back.Headers.Location!.OriginalString);

        var (_, opened, _) = await reader.GetPageAsync($"/articles/{PremiumArticle.Slug}");
        Assert.Contains(Sentence(PremiumArticle), opened);
    }

    [Fact]
    public async Task After_checkout_a_pliro_reader_without_an_access_token_is_silently_re_authenticated()
    {
        var reader = await portal.SignInAsync("pliro", "cus_silent");
        var back = await reader.GetAsync($"/articles/{PremiumArticle.Slug}?x=1&portal_refresh=1");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var location = back.Headers.Location!;
        Assert.StartsWith("https://pliro.example/authorize?", location.ToString());
        Assert.Equal("none", System.Web.HttpUtility.ParseQueryString(location.Query)["prompt"]);
    }

    [Fact]
    public async Task A_failed_silent_re_authentication_returns_the_reader_to_the_article()
    {
        var reader = await portal.SignInAsync("pliro", "cus_silent_fail");
        var challenge = await reader.GetAsync($"/articles/{PremiumArticle.Slug}?portal_refresh=1");
        var state = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["state"]!;

        var answer = await reader.GetAsync($"/signin-pliro?error=login_required&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"/articles/{PremiumArticle.Slug}", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_hung_member_api_delays_sign_in_by_the_timeout_at_most_and_grants_nothing_unknown()
    {
        portal.MemberApi.Hangs("tok-hang");
        var clock = Stopwatch.StartNew();
        var reader = await portal.SignInAsync("subrite", "sub-hang", accessToken: "tok-hang");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"sign-in took {clock.Elapsed}");
        var (_, page, document) = await reader.GetPageAsync($"/articles/{PremiumArticle.Slug}");
        Assert.DoesNotContain(Sentence(PremiumArticle), page);
        Assert.Equal("NoPlan", document.QuerySelector(".paywall")!.GetAttribute("data-reason"));
    }

    [Fact]
    public async Task A_failing_member_api_keeps_the_last_known_plans_but_never_more_than_the_tier_they_gave()
    {
        portal.MemberApi.Profile("tok-flaky", FakeMemberApi.ProfileJson("Flaky", "flaky@subrite.test",
            (101, "Plus", "active", portal.Now.AddYears(1)), (777, "Gold", "active", portal.Now.AddYears(1))));
        await portal.SignInAsync("subrite", "sub-flaky", accessToken: "tok-flaky");
        var plusArticle = portal.LiveGated().First(a => a.MinimumTier?.Slug == "plus");

        // Meanwhile an admin maps Gold to Premium; then the API fails at the next sign-in.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var premium = await db.AccessTiers.SingleAsync(t => t.Slug == "premium");
            db.PlanMappings.Add(new PublisherPortal.Entitlements.PlanMapping { ProviderKey = "subrite", PlanKey = "777", AccessTierId = premium.Id });
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<PublisherPortal.Entitlements.TierCatalog>().Invalidate();
        }

        portal.MemberApi.Fails("tok-flaky", HttpStatusCode.BadGateway);
        var reader = await portal.SignInAsync("subrite", "sub-flaky", accessToken: "tok-flaky");
        Assert.Contains(Sentence(plusArticle), (await reader.GetPageAsync($"/articles/{plusArticle.Slug}")).Body);
        var (_, premiumPage, document) = await reader.GetPageAsync($"/articles/{PremiumArticle.Slug}");
        Assert.DoesNotContain(Sentence(PremiumArticle), premiumPage);
        Assert.Equal("TierTooLow", document.QuerySelector(".paywall")!.GetAttribute("data-reason"));
    }

    [Fact]
    public async Task A_plan_no_mapping_covers_is_recorded_with_a_count_and_when_last_seen()
    {
        await portal.SignInAsync("pliro", "cus_vip1", plan: "vip-2027");
        await portal.SignInAsync("pliro", "cus_vip2", plan: "vip-2027");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.UnmappedPlans.SingleAsync(p => p.ProviderKey == "pliro" && p.PlanKey == "vip-2027");
        Assert.Equal(2, row.SeenCount);
        Assert.Equal(portal.Now.UtcDateTime, row.LastSeenAt);
        Assert.False(await db.UnmappedPlans.AnyAsync(p => p.PlanKey == "premium"));
    }

    [Fact]
    public async Task A_mapping_change_applies_on_the_readers_next_page_load()
    {
        var reader = await portal.SignInAsync("pliro", "cus_newplan", plan: "founders");
        var plusArticle = portal.LiveGated().First(a => a.MinimumTier?.Slug == "plus");
        Assert.DoesNotContain(Sentence(plusArticle), (await reader.GetPageAsync($"/articles/{plusArticle.Slug}")).Body);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var plus = await db.AccessTiers.SingleAsync(t => t.Slug == "plus");
            db.PlanMappings.Add(new PublisherPortal.Entitlements.PlanMapping { ProviderKey = "pliro", PlanKey = "founders", AccessTierId = plus.Id });
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<PublisherPortal.Entitlements.TierCatalog>().Invalidate();
        }

        Assert.Contains(Sentence(plusArticle), (await reader.GetPageAsync($"/articles/{plusArticle.Slug}")).Body);
    }
}
