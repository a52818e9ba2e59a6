using System.Text;
using PublisherPortal.Articles;
using PublisherPortal.Data.Seed;
using PublisherPortal.Paywall;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// Writes story number <c>i</c> of <c>n</c>, oldest first, so ids grow with publication time as on a real site.
/// About 25 stories a day, so 10k stories span a year and 100k span eleven: keyset paging has to go deep.
/// A third are gated (registered or a tier; more of them in Opinion and Business), a few are drafts, and the newest
/// few are scheduled two days ahead, so "live" is a real filter. Bodies are 4-12 KB of Markdown.
/// </summary>
internal sealed class StoryFactory(Newsroom newsroom, IReadOnlyList<int> sectionIds, IReadOnlyList<int> tierIds,
    IReadOnlyList<int> tagIds, IReadOnlyList<int> authorIds, BodyPool bodies, DateTime anchor, int count, Random random)
{
    public const double StoriesPerDay = 25;
    public const int MinBodyBytes = 4 * 1024;
    public const int MaxBodyBytes = 12 * 1024;

    // Share of stories per section, in the demo's navigation order (News, Business, Climate, Culture, Sport, Opinion).
    private static readonly double[] SectionWeights = [0.30, 0.15, 0.12, 0.15, 0.15, 0.13];

    private readonly int scheduledFrom = count - Math.Max(3, count / 2000);
    private readonly double[] tagCumulative = ZipfCumulative(tagIds.Count);
    private readonly int[][] desks = [.. Enumerable.Range(0, newsroom.Sections.Count)
        .Select(s => Enumerable.Range(0, newsroom.Authors.Count).Where(a => newsroom.DeskOf[a] == s).ToArray())];

    public (Article Article, StoryPlan Plan, int[] AuthorIndexes, int[] TagIndexes) Create(int i)
    {
        var section = PickWeighted(SectionWeights);
        var sectionSlug = newsroom.Sections[section].Slug;
        var title = Headlines.For(sectionSlug, random);
        var slug = $"{SlugText.From(title, 70)}-{i + 1}";
        var (access, tier) = Access(sectionSlug);
        var (status, publishedAt) = Schedule(i);
        var body = bodies.Write(random.Next(MinBodyBytes, MaxBodyBytes + 1), random);

        var tagIndexes = DistinctTags(1 + random.Next(4));
        var desk = desks[section];
        var authorIndexes = random.NextDouble() < 0.2 && desk.Length > 1
            ? desk.OrderBy(_ => random.Next()).Take(2).ToArray()
            : [desk[random.Next(desk.Length)]];

        var created = (publishedAt ?? anchor.AddDays(-1)).AddHours(-random.Next(1, 30)).AddMinutes(-random.Next(60));
        var updated = publishedAt is { } p && random.NextDouble() < 0.35 ? p.AddHours(random.Next(1, 20)) : publishedAt ?? created;
        var article = new Article
        {
            Title = title,
            Slug = slug,
            Summary = newsroom.Deks[random.Next(newsroom.Deks.Count)],
            Body = body,
            SectionId = sectionIds[section],
            Status = status,
            PublishedAt = publishedAt,
            CreatedAt = created,
            UpdatedAt = updated > anchor && status == ArticleStatus.Published ? anchor : updated,
            AccessLevel = access,
            MinimumTierId = tier is { } t ? tierIds[t] : null,
            Tags = [.. tagIndexes.Select(t => new ArticleTag { TagId = tagIds[t] })],
            Authors = [.. authorIndexes.Select((a, position) => new ArticleAuthor { AuthorId = authorIds[a], Position = position })],
            Version = NextGuid(),
        };

        // As in the demo: every fourth story carries its section's illustration, every third its own SEO fields.
        if (i % 4 == 0 && newsroom.Heroes.TryGetValue(section, out var hero))
        {
            article.HeroImageUrl = hero.Url;
            article.HeroImageAlt = hero.Alt;
        }

        if (i % 3 == 1)
        {
            article.SeoTitle = title.Length <= 70 ? title + " | Harbour Gazette" : title;
            article.SeoDescription = article.Summary.Length <= 160 ? article.Summary : article.Summary[..157] + "…";
        }

        var plan = new StoryPlan(i, slug, section, access, tier, status, publishedAt, Encoding.UTF8.GetByteCount(body));
        return (article, plan, authorIndexes, tagIndexes);
    }

    private (AccessLevel, int?) Access(string sectionSlug)
    {
        // Opinion and Business carry most paid pieces, as at a real regional daily; overall about a third is gated.
        var paidHeavy = sectionSlug is "opinion" or "business";
        var roll = random.NextDouble();
        var (registered, plus, premium) = paidHeavy ? (0.10, 0.20, 0.15) : (0.10, 0.12, 0.08);
        if (roll < premium)
        {
            return (AccessLevel.Tier, 1);
        }

        if (roll < premium + plus)
        {
            return (AccessLevel.Tier, 0);
        }

        return roll < premium + plus + registered ? (AccessLevel.Registered, null) : (AccessLevel.Public, null);
    }

    private (ArticleStatus, DateTime?) Schedule(int i)
    {
        if (i >= scheduledFrom)
        {
            return (ArticleStatus.Scheduled, anchor.AddDays(2).AddHours(i - scheduledFrom));
        }

        if (random.NextDouble() < 0.004)
        {
            return (ArticleStatus.Draft, null);
        }

        // Newest at one hour before the anchor; jitter keeps ids and times from lining up perfectly.
        var minutesAgo = 60 + ((scheduledFrom - 1 - i) * (24 * 60 / StoriesPerDay)) + random.Next(-20, 21);
        var at = anchor.AddMinutes(-Math.Max(60, minutesAgo));
        return (ArticleStatus.Published, new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc));
    }

    /// <summary>Tags follow a Zipf curve: a few (the demo's beats come first) are on tens of thousands of stories.</summary>
    private int[] DistinctTags(int howMany)
    {
        var picked = new HashSet<int>();
        while (picked.Count < howMany)
        {
            var index = Array.BinarySearch(tagCumulative, random.NextDouble());
            picked.Add(Math.Min(index < 0 ? ~index : index, tagCumulative.Length - 1));
        }

        return [.. picked];
    }

    private static double[] ZipfCumulative(int count)
    {
        var weights = Enumerable.Range(1, count).Select(k => 1.0 / k).ToArray();
        var total = weights.Sum();
        var cumulative = new double[count];
        var running = 0.0;
        for (var k = 0; k < count; k++)
        {
            running += weights[k] / total;
            cumulative[k] = running;
        }

        return cumulative;
    }

    private int PickWeighted(double[] weights)
    {
        var roll = random.NextDouble();
        for (var k = 0; k < weights.Length; k++)
        {
            roll -= weights[k];
            if (roll < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
