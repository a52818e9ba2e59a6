using System.Web;
using AngleSharp.Dom;
using PublisherPortal.Articles;

namespace PublisherPortal.Tests.Paywall;

/// <summary>
/// A visitor who is not signed in may buy at each configured provider's own shop (the anonymous paywall's "Subscribe"
/// leads to /subscribe, which lists them per tier) and comes back through our sign-in at that provider, to the story:
/// Subrite's checkout returns its buyers "automatically logged in" (docs/providers/subrite.md), Pliro's pages return
/// to <c>continue_url</c>. Providers without a shop (PixelPin) are not offered.
/// </summary>
public sealed class VisitorShopLinksTests(SignedInPortalFactory portal) : IClassFixture<SignedInPortalFactory>
{
    private Article Premium => portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");

    private static string SignInAt(string provider, Article story) =>
        $"{PortalFactory.BaseUrl}/account/login?provider={provider}&returnUrl={Uri.EscapeDataString("/articles/" + story.Slug)}";

    private async Task<IDocument> SubscribePageAsync(HttpClient client, Article story)
    {
        var (_, _, document) = await client.GetPageAsync("/subscribe?returnUrl=" + Uri.EscapeDataString("/articles/" + story.Slug));
        return document;
    }

    private static Uri Shop(IDocument page, string tier, string provider) =>
        new(page.QuerySelector($".plan[data-tier={tier}] a.plan__buy[data-provider={provider}]")!.GetAttribute("href")!);

    [Fact]
    public async Task The_anonymous_paywall_leads_to_the_subscribe_page_for_the_story()
    {
        var (_, _, document) = await portal.CreateReader().GetPageAsync($"/articles/{Premium.Slug}");
        var subscribe = document.QuerySelectorAll(".paywall__actions a").Single(a => a.TextContent.Trim() == "Subscribe");
        Assert.Equal("/subscribe?returnUrl=" + Uri.EscapeDataString("/articles/" + Premium.Slug), subscribe.GetAttribute("href"));
    }

    [Fact]
    public async Task Subrites_checkout_returns_a_visitor_through_sign_in_at_subrite_to_the_story()
    {
        var page = await SubscribePageAsync(portal.CreateReader(), Premium);

        var checkout = Shop(page, "premium", "subrite");
        Assert.Equal("https://shop.subrite.example/checkout", checkout.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(checkout.Query);
        Assert.Equal(SignInAt("subrite", Premium), query["onCheckoutCompletedUrl"]);
        Assert.Equal($"{PortalFactory.BaseUrl}/articles/{Premium.Slug}", query["callBackUrl"]);
        Assert.Equal($"/articles/{Premium.Slug}", query["reference"]);
        Assert.Equal("102", query["package"]);
    }

    [Fact]
    public async Task Pliros_offer_page_returns_a_visitor_through_sign_in_at_pliro_to_the_story()
    {
        var page = await SubscribePageAsync(portal.CreateReader(), Premium);

        // No e-mail is known for a visitor: the offer page, not the offer subscribe page.
        var offer = Shop(page, "premium", "pliro");
        Assert.Equal("https://pliro.example/offers/digital-premium-yearly", offer.GetLeftPart(UriPartial.Path));
        Assert.Equal(SignInAt("pliro", Premium), HttpUtility.ParseQueryString(offer.Query)["continue_url"]);
        Assert.Equal("https://pliro.example/offers/digital-plus-monthly", Shop(page, "plus", "pliro").GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task A_provider_with_no_shop_is_not_offered_and_signing_in_stays_possible()
    {
        var page = await SubscribePageAsync(portal.CreateReader(), Premium);

        Assert.Empty(page.QuerySelectorAll("a.plan__buy[data-provider=pixelpin]"));
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString("/articles/" + Premium.Slug),
            page.QuerySelector("a.subscribe__sign-in")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_signed_in_reader_is_offered_their_own_providers_shop_returning_with_the_marker()
    {
        var reader = await portal.SignInAsync("pliro", "cus_subscribe_page", email: "s@example.com");

        var page = await SubscribePageAsync(reader, Premium);

        Assert.Empty(page.QuerySelectorAll("a.plan__buy[data-provider]"));
        Assert.Null(page.QuerySelector("a.subscribe__sign-in"));
        var back = Uri.EscapeDataString($"{PortalFactory.BaseUrl}/articles/{Premium.Slug}?portal_refresh=1");
        Assert.Equal($"https://pliro.example/offers/digital-premium-yearly/subscribe?continue_url={back}&email=s@example.com",
            page.QuerySelector(".plan[data-tier=premium] a.plan__buy")!.GetAttribute("href"));
    }
}
