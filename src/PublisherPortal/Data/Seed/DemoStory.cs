using PublisherPortal.Articles;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// One entry of the demo catalogue. <see cref="Topic"/> is a noun phrase ("the Eastquay swing bridge")
/// that the body templates weave into sentences, so it must read naturally after "about" or "on".
/// </summary>
internal sealed record DemoStory(
    string Section,
    DemoAccess Access,
    string Headline,
    string Dek,
    string Topic,
    string Place,
    string Institution,
    string[] Tags,
    ArticleStatus Status = ArticleStatus.Published);
