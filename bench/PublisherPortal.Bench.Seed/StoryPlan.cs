using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Bench.Seed;

/// <summary>What the generator decided about one story, kept (without its body) to choose the benchmark's targets.</summary>
internal sealed record StoryPlan(
    int Index, string Slug, int Section, AccessLevel Access, int? TierIndex, ArticleStatus Status, DateTime? PublishedAt, int BodyBytes);
