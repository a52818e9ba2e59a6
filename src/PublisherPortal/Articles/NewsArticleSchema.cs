using System.Text.Json;
using System.Text.Json.Nodes;
using PublisherPortal.Infrastructure;
using PublisherPortal.Paywall;

namespace PublisherPortal.Articles;

/// <summary>
/// schema.org NewsArticle JSON-LD. Carries headline-level text only, never the body. Gated articles are marked with
/// Google's paywalled-content markup: <c>isAccessibleForFree: false</c> and a <c>hasPart</c> pointing at the paywall.
/// It describes the article, not the reader, so it is the same for everyone.
/// </summary>
public static class NewsArticleSchema
{
    public static string ToScriptTag(ArticleDetail article, PortalOptions portal)
    {
        var url = portal.AbsoluteUrl($"/articles/{article.Slug}");
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = article.Title,
            ["description"] = article.SeoDescription ?? article.Summary,
            ["datePublished"] = article.PublishedAt.ToString("O"),
            ["dateModified"] = article.UpdatedAt.ToString("O"),
            ["articleSection"] = article.SectionName,
            ["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode)t.Name).ToArray()),
            ["author"] = new JsonArray(article.Authors.Select(a => (JsonNode)new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = portal.AbsoluteUrl($"/authors/{a.Slug}"),
            }).ToArray()),
            ["publisher"] = new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = portal.PublicationName, ["url"] = portal.BaseUrl },
            ["isAccessibleForFree"] = article.Access.Level == AccessLevel.Public,
        };
        if (article.HeroImageUrl is not null)
        {
            json["image"] = new JsonArray(AbsoluteImage(article.HeroImageUrl, portal));
        }

        if (article.Access.Level != AccessLevel.Public)
        {
            json["hasPart"] = new JsonObject
            {
                ["@type"] = "WebPageElement",
                ["isAccessibleForFree"] = false,
                ["cssSelector"] = "." + PaywallMarkup.PaywalledCssClass,
            };
        }

        // The default encoder escapes <, >, & and quotes, so no headline can close the script element.
        return "<script type=\"application/ld+json\">" + json.ToJsonString(new JsonSerializerOptions()) + "</script>";
    }

    public static string AbsoluteImage(string url, PortalOptions portal) =>
        Uri.TryCreate(url, UriKind.Absolute, out _) ? url : portal.AbsoluteUrl(url);
}
