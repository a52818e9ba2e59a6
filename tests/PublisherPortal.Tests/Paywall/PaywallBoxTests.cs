using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Paywall;

public sealed class PaywallBoxTests
{
    private static readonly PaywallLink[] AnonymousLinks =
    [
        new(PaywallLinkKind.SignIn, "Sign in", "/account/login?returnUrl=%2Farticles%2Fthe-story"),
        new(PaywallLinkKind.Provider, "Continue with Pliro", "/account/login?provider=pliro&returnUrl=%2Farticles%2Fthe-story"),
        new(PaywallLinkKind.Subscribe, "Subscribe", "/subscribe?returnUrl=%2Farticles%2Fthe-story"),
    ];

    private static Task<AngleSharp.Dom.IDocument> Render(TeaserReason reason, AccessRule access, params PaywallLink[] links) =>
        ComponentRenderer.RenderAsync<PaywallBox>(new Dictionary<string, object?>
        {
            [nameof(PaywallBox.Decision)] = AccessDecision.Teaser(reason),
            [nameof(PaywallBox.Access)] = access,
            [nameof(PaywallBox.Links)] = links,
        });

    [Fact]
    public async Task Anonymous_readers_are_offered_sign_in_the_provider_chooser_and_a_subscription()
    {
        var document = await Render(TeaserReason.Anonymous, new AccessRule(AccessLevel.Tier, 20, "Premium"), AnonymousLinks);
        Assert.Equal(
            [("Sign in", "/account/login?returnUrl=%2Farticles%2Fthe-story"), ("Subscribe", "/subscribe?returnUrl=%2Farticles%2Fthe-story")],
            document.QuerySelectorAll(".paywall__actions a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList());
        Assert.Equal(["Continue with Pliro"], document.QuerySelectorAll(".paywall__providers a").Select(a => a.TextContent.Trim()));
        Assert.Contains("Premium", document.QuerySelector("h2")!.TextContent);
        Assert.NotNull(document.QuerySelector("section.paywalled-content[aria-labelledby=paywall-heading]"));
    }

    [Fact]
    public async Task Registered_only_stories_tell_anonymous_readers_that_signing_in_is_free()
    {
        var document = await Render(TeaserReason.Anonymous, new AccessRule(AccessLevel.Registered, null, null), AnonymousLinks);
        Assert.Contains("free", document.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task Readers_on_a_lower_tier_are_asked_to_upgrade_not_to_sign_in()
    {
        var document = await Render(TeaserReason.TierTooLow, new AccessRule(AccessLevel.Tier, 20, "Premium"),
            new PaywallLink(PaywallLinkKind.Subscribe, "Upgrade to Premium", "https://pliro.example/offers/premium"));
        Assert.Equal(["Upgrade to Premium"], document.QuerySelectorAll(".paywall__actions a").Select(a => a.TextContent.Trim()));
        Assert.Empty(document.QuerySelectorAll(".paywall__providers"));
        Assert.Contains("Upgrade to Premium", document.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task Readers_whose_subscription_ended_are_told_so_and_asked_to_renew()
    {
        var document = await Render(TeaserReason.Expired, new AccessRule(AccessLevel.Tier, 10, "Plus"),
            new PaywallLink(PaywallLinkKind.Subscribe, "Renew your subscription", "https://pliro.example/offers/plus"));
        Assert.Contains("ended", document.QuerySelector("h2")!.TextContent);
        Assert.Equal("Expired", document.QuerySelector(".paywall")!.GetAttribute("data-reason"));
    }
}
