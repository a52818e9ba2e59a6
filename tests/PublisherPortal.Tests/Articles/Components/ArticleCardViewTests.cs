using PublisherPortal.Articles;
using PublisherPortal.Components.Shared;
using PublisherPortal.Paywall;

using PublisherPortal.Articles.Components;

namespace PublisherPortal.Tests.Articles.Components;

public sealed class ArticleCardViewTests
{
    private static ArticleCard Card(AccessRule access) => new(
        7, "tide-tables", "Tide tables & <storms>", "Summary text.", "Climate", "climate",
        new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc),
        access, [new AuthorRef("Ana Berg", "ana-berg", "Reporter")], null, null);

    [Fact]
    public async Task A_card_links_the_story_and_its_section_and_escapes_the_headline()
    {
        var document = await ComponentRenderer.RenderAsync<ArticleCardView>(new Dictionary<string, object?> { [nameof(ArticleCardView.Article)] = Card(AccessRule.Public) });
        var title = document.QuerySelector(".card__title a")!;
        Assert.Equal("/articles/tide-tables", title.GetAttribute("href"));
        Assert.Equal("Tide tables & <storms>", title.TextContent);
        Assert.Null(document.QuerySelector("storms"));
        Assert.Equal("/sections/climate", document.QuerySelector(".card__kicker a")!.GetAttribute("href"));
        Assert.Equal("2026-11-02T08:00:00.0000000Z", document.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Null(document.QuerySelector(".badge"));
    }

    [Fact]
    public async Task Gated_stories_carry_a_badge_naming_the_tier()
    {
        var document = await ComponentRenderer.RenderAsync<ArticleCardView>(new Dictionary<string, object?>
        {
            [nameof(ArticleCardView.Article)] = Card(new AccessRule(AccessLevel.Tier, 10, "Plus")),
        });
        Assert.Equal("Plus", document.QuerySelector(".badge--premium")!.TextContent);
    }
}
