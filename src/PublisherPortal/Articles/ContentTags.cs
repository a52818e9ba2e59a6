using System.Globalization;
using PublisherPortal.Caching;

namespace PublisherPortal.Articles;

/// <summary>
/// The names pages and query results carry for what they were built from, and that a change evicts
/// (docs/caching.md has the table). Two kinds: a thing's own data (<c>story:12</c>, <c>tag:3</c>: its title, name,
/// access, byline) and a list's membership and order (<c>list:section:2</c>: which stories a list holds, newest first).
/// </summary>
public static class ContentTags
{
    /// <summary>The section navigation on every HTML page.</summary>
    public const string Navigation = "nav";

    /// <summary>The newest-first list of every live story: home, /latest, RSS.</summary>
    public const string LatestList = "list:latest";

    /// <summary>Every search result: any story's text or visibility may change what matches.</summary>
    public const string Search = "search";

    /// <summary>The sitemap: every story's URL and modification time, and every section, tag and author.</summary>
    public const string Sitemap = "sitemap";

    public const string Everything = ContentMemory.EverythingTag;

    public static string Story(int id) => "story:" + Id(id);

    public static string Section(int id) => "section:" + Id(id);

    public static string Tag(int id) => "tag:" + Id(id);

    public static string Author(int id) => "author:" + Id(id);

    /// <summary>A tier's name and rank: the badge on cards and the paywall name it.</summary>
    public static string Tier(int id) => "tier:" + Id(id);

    public static string SectionList(int id) => "list:section:" + Id(id);

    public static string TagList(int id) => "list:tag:" + Id(id);

    public static string AuthorList(int id) => "list:author:" + Id(id);

    /// <summary>What a card shows: the story, its section's name, its byline, its tier badge.</summary>
    public static IEnumerable<string> Of(ArticleCard card)
    {
        yield return Story(card.Id);
        yield return Section(card.SectionId);
        foreach (var author in card.Authors)
        {
            yield return Author(author.Id);
        }

        if (card.MinimumTierId is { } tier)
        {
            yield return Tier(tier);
        }
    }

    /// <summary>What a story page shows beyond the story: its section, tags, authors and tier.</summary>
    public static IEnumerable<string> Of(ArticleDetail article)
    {
        yield return Story(article.Id);
        yield return Section(article.SectionId);
        foreach (var tag in article.Tags)
        {
            yield return Tag(tag.Id);
        }

        foreach (var author in article.Authors)
        {
            yield return Author(author.Id);
        }

        if (article.MinimumTierId is { } tier)
        {
            yield return Tier(tier);
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
