using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Admin.Plans;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.Providers;

/// <summary>
/// Where the paywall sends a signed-in Pliro reader (docs/providers/pliro.md, "Shop pages"): the offer an admin set
/// for the cheapest tier that opens the story, on its subscribe page when the e-mail is known, else its offer page;
/// the subscribe page when no offer is set. Never a page named after a plan slug.
/// </summary>
public sealed class PliroShopLinkTests(SignedInPortalFactory portal) : IClassFixture<SignedInPortalFactory>
{
    private Article Story(string tier) => portal.LiveGated().First(a => a.MinimumTier?.Slug == tier);

    private static string Back(Article story) => Uri.EscapeDataString($"{PortalFactory.BaseUrl}/articles/{story.Slug}?portal_refresh=1");

    private async Task<(string Label, string Href)> PaywallLinkAsync(HttpClient reader, Article story)
    {
        var (_, _, document) = await reader.GetPageAsync($"/articles/{story.Slug}");
        var link = document.QuerySelector(".paywall__actions a")!;
        return (link.TextContent.Trim(), link.GetAttribute("href")!);
    }

    [Fact]
    public async Task Without_an_e_mail_the_reader_is_sent_to_the_offer_page()
    {
        var reader = await portal.SignInAsync("pliro", "cus_no_email");
        var story = Story("plus");

        var (_, href) = await PaywallLinkAsync(reader, story);

        Assert.Equal($"https://pliro.example/offers/digital-plus-monthly?continue_url={Back(story)}", href);
    }

    [Fact]
    public async Task A_plus_reader_upgrading_is_sent_to_the_premium_offer()
    {
        var reader = await portal.SignInAsync("pliro", "cus_plus_up", plan: "plus", email: "plus@example.com");
        var story = Story("premium");

        var (label, href) = await PaywallLinkAsync(reader, story);

        Assert.Equal("Upgrade to Premium", label);
        Assert.Equal($"https://pliro.example/offers/digital-premium-yearly/subscribe?continue_url={Back(story)}&email=plus@example.com", href);
    }

    [Fact]
    public async Task When_an_admin_clears_the_offer_the_next_page_links_the_subscribe_page_instead()
    {
        var reader = await portal.SignInAsync("pliro", "cus_cleared", email: "c@example.com");
        var story = Story("premium");
        Assert.Contains("/offers/digital-premium-yearly/subscribe", (await PaywallLinkAsync(reader, story)).Href);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var mapping = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PlanMappings.AsNoTracking()
                .SingleAsync(m => m.ProviderKey == "pliro" && m.PlanKey == "premium");
            var admin = await StaffActing.AdminAsync(scope.ServiceProvider);
            var result = await scope.ServiceProvider.GetRequiredService<PlanOfferService>()
                .SetOfferAsync(admin, mapping.Id, new PlanOfferForm { Offer = null, OriginalOffer = mapping.Offer }, CancellationToken.None);
            Assert.True(result.Succeeded, result.Message);
        }

        var (_, href) = await PaywallLinkAsync(reader, story);
        Assert.Equal($"https://pliro.example/subscribe?continue_url={Back(story)}&email=c@example.com", href);
    }
}
