using PublisherPortal.Articles;
using PublisherPortal.Paywall;
using PublisherPortal.Tests.Infrastructure;

namespace PublisherPortal.Tests.Components;

public sealed class PaywallBoxTests
{
    private static Task<AngleSharp.Dom.IDocument> Render(TeaserReason reason, AccessRule access) =>
        ComponentRenderer.RenderAsync<PaywallBox>(new Dictionary<string, object?>
        {
            [nameof(PaywallBox.Decision)] = AccessDecision.Teaser(reason),
            [nameof(PaywallBox.Access)] = access,
            [nameof(PaywallBox.ReturnPath)] = "/articles/the-story?x=1",
        });

    [Fact]
    public async Task Anonymous_readers_are_offered_sign_in_back_to_the_story_and_a_subscription()
    {
        var document = await Render(TeaserReason.Anonymous, new AccessRule(AccessLevel.Tier, 20, "Premium"));
        var links = document.QuerySelectorAll(".paywall__actions a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("Sign in", "/account/login?returnUrl=%2Farticles%2Fthe-story%3Fx%3D1"), ("Subscribe", "/subscribe?returnUrl=%2Farticles%2Fthe-story%3Fx%3D1")],
            links);
        Assert.Contains("Premium", document.QuerySelector("h2")!.TextContent);
        Assert.NotNull(document.QuerySelector("section.paywalled-content[aria-labelledby=paywall-heading]"));
    }

    [Fact]
    public async Task Registered_only_stories_tell_anonymous_readers_that_signing_in_is_free()
    {
        var document = await Render(TeaserReason.Anonymous, new AccessRule(AccessLevel.Registered, null, null));
        Assert.Contains("free", document.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task Readers_on_a_lower_tier_are_asked_to_upgrade_not_to_sign_in()
    {
        var document = await Render(TeaserReason.TierTooLow, new AccessRule(AccessLevel.Tier, 20, "Premium"));
        Assert.Equal(["Upgrade"], document.QuerySelectorAll(".paywall__actions a").Select(a => a.TextContent.Trim()));
        Assert.Contains("Upgrade to Premium", document.QuerySelector("h2")!.TextContent);
    }
}
