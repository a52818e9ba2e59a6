using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublisherPortal.Caching;

namespace PublisherPortal.Articles;

/// <summary>
/// Renders article Markdown to HTML with raw HTML disabled and unsafe link schemes removed (there is no HTML
/// sanitizer in this registry, so author HTML is never rendered). Each article revision is rendered once and kept in
/// the content memory, which bounds it (Caching:SizeLimitMiB) and drops it when the story changes.
/// </summary>
public sealed class ArticleBodyRenderer(ContentCache cache)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseFigures()
        .UseListExtras()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>The whole body. Only call after the access decision said Full.</summary>
    public string RenderFull(int articleId, Guid version, string markdown) =>
        cache.GetOrCreate($"body:{articleId}:{version:N}", [ContentTags.Story(articleId)],
            () => Render(markdown, blockLimit: null), Size);

    /// <summary>Text nobody has saved yet (the newsroom's live preview), rendered by the same rules and not cached.</summary>
    public static string RenderUnsaved(string markdown, int? paragraphs) => Render(markdown, paragraphs);

    /// <summary>
    /// The first <paramref name="paragraphs"/> paragraphs only. The rest of the body is never rendered, so it cannot
    /// reach the response by accident.
    /// </summary>
    public string RenderTeaser(int articleId, Guid version, string markdown, int paragraphs) =>
        cache.GetOrCreate($"teaser:{articleId}:{version:N}:{paragraphs}", [ContentTags.Story(articleId)],
            () => Render(markdown, paragraphs), Size);

    private static long Size(string html) => html.Length * 2L + 128;

    internal static string Render(string markdown, int? blockLimit)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        if (blockLimit is { } limit)
        {
            // Parse the kept text on its own: a link reference defined further down, in text this reader may not
            // read, must not lend its URL to a link in the teaser.
            document = Markdown.Parse(markdown[..TeaserEnd(document, limit)], Pipeline);
            TruncateToParagraphs(document, limit);
        }

        NeutraliseUnsafeLinks(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    // Teasers keep only leading paragraphs: a list, table or quote may carry the story's substance.
    private static void TruncateToParagraphs(MarkdownDocument document, int limit)
    {
        var keep = KeptBlocks(document, limit).Count;
        while (document.Count > keep)
        {
            document.RemoveAt(document.Count - 1);
        }
    }

    /// <summary>Where the teaser's text ends in the source: just past its last paragraph.</summary>
    private static int TeaserEnd(MarkdownDocument document, int limit) =>
        KeptBlocks(document, limit) is { Count: > 0 } kept ? kept[^1].Span.End + 1 : 0;

    private static List<Block> KeptBlocks(MarkdownDocument document, int limit)
    {
        var kept = new List<Block>();
        var paragraphs = 0;
        foreach (var block in document)
        {
            if (block is LinkReferenceDefinitionGroup)
            {
                kept.Add(block); // renders nothing; only the links above it use it
                continue;
            }

            if (block is not ParagraphBlock || paragraphs == limit)
            {
                break;
            }

            paragraphs++;
            kept.Add(block);
        }

        // A trailing definition group adds nothing to the teaser's text.
        while (kept.Count > 0 && kept[^1] is LinkReferenceDefinitionGroup)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    // Markdig renders javascript:, data: and vbscript: URLs as written; only plain web links may stay links.
    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.Url = "#";
            }
        }
    }

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative URL: no scheme
        }

        var scheme = trimmed[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
