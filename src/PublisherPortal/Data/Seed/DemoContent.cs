using PublisherPortal.Articles;
using PublisherPortal.Paywall;

using PublisherPortal.Entitlements;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// The demo publication as an object graph. <see cref="Articles"/> reference the same
/// <see cref="Section"/>, <see cref="Tag"/>, <see cref="Author"/> and <see cref="AccessTier"/> instances
/// held in the other lists, so adding the articles to a context inserts everything once.
/// </summary>
/// <param name="GatedSentences">
/// For every non-public article (published or not), keyed by slug: one sentence that appears only in
/// that article's body, after its third paragraph. Paywall tests assert it never reaches a reader
/// without access, through any channel.
/// </param>
public sealed record DemoContent(
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<Author> Authors,
    IReadOnlyList<AccessTier> Tiers,
    IReadOnlyList<Article> Articles,
    IReadOnlyDictionary<string, string> GatedSentences);
