using PublisherPortal.Articles;
using PublisherPortal.Paywall;

using PublisherPortal.Entitlements;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// The Harbour Gazette, a regional daily in the fictional port city of Port Avery: the content a newcomer
/// sees on first run. Deterministic: the same <c>utcNow</c> always yields the same publication, with
/// publication dates spread over the 60 days before it and the News lead published a few hours earlier.
/// </summary>
public static class DemoPublication
{
    public const string Name = "The Harbour Gazette";
    public const string City = "Port Avery";

    private const int Seed = 2026;
    private const double PublishingWindowHours = 60 * 24;

    public static DemoContent Create(DateTime utcNow)
    {
        var now = ToUtcMinute(utcNow);
        var sections = DemoSections.Create();
        var tags = DemoTags.Create();
        var staff = DemoAuthors.Create();
        var tiers = CreateTiers();

        var sectionBySlug = sections.ToDictionary(s => s.Slug);
        var tagBySlug = tags.ToDictionary(t => t.Slug);
        var tierByAccess = new Dictionary<DemoAccess, AccessTier> { [DemoAccess.Plus] = tiers[0], [DemoAccess.Premium] = tiers[1] };

        var stories = DemoStories.All;
        var schedule = new Random(Seed);
        var publishedAt = PublicationTimes(stories, now, schedule);

        var articles = new List<Article>(stories.Count);
        var gatedSentences = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionInSection = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var random = new Random(Seed + (7919 * (i + 1)));
            var inSection = positionInSection[story.Section] = positionInSection.GetValueOrDefault(story.Section, -1) + 1;
            var (body, gatedSentence) = DemoBodyWriter.Write(story, i, now, random);
            var section = sectionBySlug[story.Section];
            var article = new Article
            {
                Title = story.Headline,
                Slug = SlugText.From(story.Headline),
                Summary = story.Dek,
                Body = body,
                Section = section,
                Status = story.Status,
                AccessLevel = story.Access switch
                {
                    DemoAccess.Public => AccessLevel.Public,
                    DemoAccess.Registered => AccessLevel.Registered,
                    _ => AccessLevel.Tier,
                },
                MinimumTier = tierByAccess.GetValueOrDefault(story.Access),
                Tags = [.. story.Tags.Select(slug => new ArticleTag { Tag = TagOrThrow(tagBySlug, slug) })],
                Authors = Byline(story, staff, random),
                Version = GuidFrom(random),
            };

            SetDates(article, publishedAt[i], now, random);

            // Every fourth story per section carries its section's illustration; the rest have none,
            // as the site has no image hosting of its own.
            if (story.Status == ArticleStatus.Published && inSection % 4 == 0)
            {
                article.HeroImageUrl = DemoSections.HeroImageUrl(section.Slug);
                article.HeroImageAlt = DemoSections.HeroImageAlt(section.Slug);
            }

            if (inSection % 3 == 1)
            {
                article.SeoTitle = SeoTitleOf(story);
                article.SeoDescription = SeoDescriptionOf(story.Dek);
            }

            if (gatedSentence is not null)
            {
                gatedSentences.Add(article.Slug, gatedSentence);
            }

            articles.Add(article);
        }

        EnsureUnique(articles.Select(a => a.Slug), "slug");
        EnsureUnique(articles.Select(a => a.Title), "headline");
        EnsureUnique(gatedSentences.Values, "gated sentence");

        return new DemoContent(sections, tags, [.. staff.Select(s => s.Author)], tiers, articles, gatedSentences);
    }

    private static AccessTier[] CreateTiers() =>
    [
        new() { Name = "Plus", Slug = "plus", Rank = 10, Description = "Analysis, features and most columns." },
        new() { Name = "Premium", Slug = "premium", Rank = 20, Description = "Everything in Plus, with our investigations and premium columns." },
    ];

    /// <summary>
    /// When each story goes live: the first story (the News lead) three hours before now, every other
    /// published story at least half a day earlier and spread across the window, shuffled so sections
    /// interleave on the home page. Drafts get null; the scheduled story goes live tomorrow morning.
    /// </summary>
    private static DateTime?[] PublicationTimes(IReadOnlyList<DemoStory> stories, DateTime now, Random random)
    {
        var times = new DateTime?[stories.Count];
        var published = Enumerable.Range(0, stories.Count).Where(i => stories[i].Status == ArticleStatus.Published).ToList();
        var lead = published[0];
        times[lead] = now.AddHours(-3).AddMinutes(-random.Next(0, 40));

        var others = published.Skip(1).ToList();
        for (var k = others.Count - 1; k > 0; k--)
        {
            var j = random.Next(k + 1);
            (others[k], others[j]) = (others[j], others[k]);
        }

        var step = (PublishingWindowHours - 14) / others.Count;
        for (var k = 0; k < others.Count; k++)
        {
            var hoursAgo = 14 + (k * step) + (random.NextDouble() * 8) - 4;
            var at = TruncateToMinute(now.AddHours(-Math.Max(12, hoursAgo)));

            // Nobody in a regional newsroom publishes features at 3am; move those to the evening before.
            if (at.Hour < 6)
            {
                at = at.AddHours(-(at.Hour + 1 + random.Next(0, 6)));
            }

            times[others[k]] = at;
        }

        for (var i = 0; i < stories.Count; i++)
        {
            if (stories[i].Status == ArticleStatus.Scheduled)
            {
                times[i] = now.Date.AddDays(1).AddHours(6);
            }
        }

        return times;
    }

    private static void SetDates(Article article, DateTime? publishedAt, DateTime now, Random random)
    {
        article.PublishedAt = publishedAt;
        switch (article.Status)
        {
            case ArticleStatus.Published:
                var published = publishedAt!.Value;
                article.CreatedAt = published.AddHours(-random.Next(1, 31)).AddMinutes(-random.Next(0, 60));
                var updated = random.NextDouble() < 0.35 ? published.AddHours(random.Next(1, 21)).AddMinutes(random.Next(0, 60)) : published;
                article.UpdatedAt = updated > now ? now : updated;
                break;
            case ArticleStatus.Scheduled:
                article.CreatedAt = now.AddDays(-1).AddMinutes(-random.Next(0, 300));
                article.UpdatedAt = now.AddHours(-2);
                break;
            default:
                article.CreatedAt = now.AddDays(-random.Next(1, 6)).AddMinutes(-random.Next(0, 600));
                var edited = article.CreatedAt.AddHours(random.Next(1, 11));
                article.UpdatedAt = edited > now ? now : edited;
                break;
        }
    }

    private static List<ArticleAuthor> Byline(DemoStory story, IReadOnlyList<(string Section, Author Author)> staff, Random random)
    {
        var desk = staff.Where(s => s.Section == story.Section).Select(s => s.Author).ToList();
        var unsigned = story.Headline.StartsWith("Editorial:", StringComparison.Ordinal);
        if (unsigned)
        {
            // Editorials speak for the paper, so they carry the editor's name.
            return [new ArticleAuthor { Author = desk.Single(a => a.Name == DemoAuthors.EditorName), Position = 0 }];
        }

        var onBeat = desk.Where(a => a.Name != DemoAuthors.EditorName)
            .Where(a => DemoAuthors.Beats[a.Name] is var beat && (beat.Length == 0 || beat.Intersect(story.Tags).Any()))
            .ToList();
        var candidates = onBeat.Count > 0 ? onBeat : [.. desk.Where(a => a.Name != DemoAuthors.EditorName)];
        var first = candidates[random.Next(candidates.Count)];
        var byline = new List<ArticleAuthor> { new() { Author = first, Position = 0 } };

        // Reported pieces are sometimes shared with a colleague; columns never are.
        if (story.Section != "opinion" && random.NextDouble() < 0.2)
        {
            var colleagues = desk.Where(a => a != first).ToList();
            byline.Add(new ArticleAuthor { Author = colleagues[random.Next(colleagues.Count)], Position = 1 });
        }

        return byline;
    }

    private static string SeoTitleOf(DemoStory story)
    {
        const string suffix = " | Harbour Gazette";
        if (story.Headline.Length + suffix.Length <= 70)
        {
            return story.Headline + suffix;
        }

        var colon = story.Headline.IndexOf(':', StringComparison.Ordinal);
        var shorter = colon > 0 ? story.Headline[(colon + 1)..].Trim() : story.Headline;
        return shorter.Length <= 70 ? shorter : shorter[..shorter.LastIndexOf(' ', 66)] + " …";
    }

    private static string SeoDescriptionOf(string dek) =>
        dek.Length <= 160 ? dek : dek[..dek.LastIndexOf(' ', 156)] + " …";

    private static Tag TagOrThrow(Dictionary<string, Tag> tags, string slug) =>
        tags.TryGetValue(slug, out var tag) ? tag : throw new InvalidOperationException($"Demo story refers to unknown tag '{slug}'.");

    private static Guid GuidFrom(Random random)
    {
        // Article.Version defaults to a fresh Guid; the demo sets its own so the output stays reproducible.
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static void EnsureUnique(IEnumerable<string> values, string what)
    {
        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Demo publication has a duplicate {what}: '{duplicate.Key}'.");
        }
    }

    private static DateTime ToUtcMinute(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return TruncateToMinute(utc);
    }

    private static DateTime TruncateToMinute(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
