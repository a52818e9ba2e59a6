using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// The pages bench/run.sh measures, chosen the same way for every size and database so rows compare: a public and a
/// premium story of median size (7-9 KB of Markdown), a section page three quarters of the way down its keyset
/// (the cursor is the site's own <see cref="PageCursor"/>), the busiest tag and author, and a search word.
/// </summary>
internal sealed record BenchTargets(
    int Stories, string Provider, double GatedShare, DateTime OldestPublished, DateTime NewestPublished, int MeanBodyBytes,
    string PublicStory, string GatedStory, string GatedTier, string Section, int SectionLiveStories, int SectionDeepPosition,
    string SectionDeepCursor, string Tag, int TagStories, string Author, int AuthorStories, string Search)
{
    public const double DeepFraction = 0.75;

    public static async Task<BenchTargets> ChooseAsync(SiteDatabase database, Newsroom newsroom, IReadOnlyList<StoryPlan> plans,
        int[] bylines, int[] tagged, DateTime anchor)
    {
        var live = plans.Where(p => p.Status == ArticleStatus.Published && p.PublishedAt <= anchor).ToList();
        var premiumTier = newsroom.Tiers.Count - 1;
        StoryPlan Newest(Func<StoryPlan, bool> kind) => live.Where(kind).Where(p => p.BodyBytes is >= 7_000 and <= 9_000)
            .MaxBy(p => p.PublishedAt) ?? throw new InvalidOperationException("No story of the wanted kind and size.");
        var publicStory = Newest(p => p.Access == AccessLevel.Public);
        var gatedStory = Newest(p => p.Access == AccessLevel.Tier && p.TierIndex == premiumTier);

        const int sectionIndex = 0;
        var section = newsroom.Sections[sectionIndex];
        var inSection = live.Count(p => p.Section == sectionIndex);
        var position = (int)(inSection * DeepFraction);
        var cursor = await database.WithContextAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.SectionId == section.Id && a.Status == ArticleStatus.Published && a.PublishedAt <= anchor)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(position)
            .Select(a => new { a.PublishedAt, a.Id })
            .FirstAsync());

        var tag = Array.IndexOf(tagged, tagged.Max());
        var author = Array.IndexOf(bylines, bylines.Max());
        return new BenchTargets(
            plans.Count, database.ProviderName,
            Math.Round(plans.Count(p => p.Access != AccessLevel.Public) / (double)plans.Count, 3),
            live.Min(p => p.PublishedAt!.Value), live.Max(p => p.PublishedAt!.Value), (int)plans.Average(p => p.BodyBytes),
            publicStory.Slug, gatedStory.Slug, newsroom.Tiers[premiumTier].Slug,
            section.Slug, inSection, position, new PageCursor(cursor.PublishedAt!.Value, cursor.Id).Encode(),
            newsroom.Tags[tag].Slug, tagged[tag], newsroom.Authors[author].Slug, bylines[author], "harbour");
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}
