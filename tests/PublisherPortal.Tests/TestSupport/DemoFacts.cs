using PublisherPortal.Articles;

using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>What the seeded demo site must show, derived from the same generator the site seeded from.</summary>
public static class DemoFacts
{
    public static IReadOnlyList<Article> Live(this PortalFactory portal) => portal.Demo.Articles
        .Where(a => a.Status != ArticleStatus.Draft && a.PublishedAt is { } p && p <= portal.Now.UtcDateTime)
        .OrderByDescending(a => a.PublishedAt).ToList();

    public static IReadOnlyList<Article> Hidden(this PortalFactory portal) =>
        portal.Demo.Articles.Except(portal.Live()).ToList();

    public static IReadOnlyList<Article> LiveGated(this PortalFactory portal) =>
        portal.Live().Where(a => a.AccessLevel != AccessLevel.Public).ToList();

    public static Article LivePublic(this PortalFactory portal) =>
        portal.Live().First(a => a.AccessLevel == AccessLevel.Public);

    /// <summary>The first paragraph of a body, as plain text (Markdown emphasis is rare in the demo's openings).</summary>
    public static string FirstParagraph(this Article article) => article.Body.Split("\n\n")[0].Trim();
}
