using PublisherPortal.Articles;
using PublisherPortal.Data.Seed;
using PublisherPortal.Entitlements;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// The publication around the stories: the demo's sections, tiers and plan mappings (so the stand-in providers'
/// subscribers are entitled exactly as on a demo site), the demo's tags and authors, and enough made-up ones on top
/// to reach <see cref="TagCount"/> tags and <see cref="AuthorCount"/> authors, each author on one section's desk.
/// </summary>
internal sealed class Newsroom
{
    public const int TagCount = 300;
    public const int AuthorCount = 50;

    private static readonly string[] Places =
    [
        "Eastquay", "Gull Island", "Lantern Hill", "Northgate", "Millbrook", "Old Docks", "Saltmarsh Road", "Avery Sands",
        "Kestrel Point", "Westshore", "Fennick Bay", "Ropewalk", "Harbour Row", "Chapel Street", "Tidewater", "Southmoor",
    ];

    private static readonly string[] Subjects =
    [
        "planning", "parks", "cycling", "ferries", "libraries", "care homes", "rents", "markets", "football", "cinema",
        "galleries", "heritage", "beaches", "roadworks", "elections", "budgets", "nightlife", "allotments", "churches",
    ];

    private static readonly string[] FirstNames =
    [
        "Amara", "Bjorn", "Clara", "Dev", "Eilidh", "Farid", "Greta", "Hugo", "Isla", "Joaquin", "Kaia", "Leon",
        "Mina", "Nico", "Orla", "Pavel", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wes", "Yara",
    ];

    private static readonly string[] LastNames =
    [
        "Ashworth", "Bellamy", "Castell", "Drummond", "Eriksen", "Fairbairn", "Galloway", "Hartigan", "Ingram",
        "Jaramillo", "Kowalski", "Lindgren", "Mbeki", "Nakamura", "Oyelaran", "Pemberton", "Quayle", "Rasmussen",
    ];

    private static readonly string[] Roles = ["Reporter", "Senior reporter", "Correspondent", "Feature writer", "Data reporter"];

    public required IReadOnlyList<Section> Sections { get; init; }
    public required IReadOnlyList<AccessTier> Tiers { get; init; }
    public required IReadOnlyList<PlanMapping> PlanMappings { get; init; }
    public required IReadOnlyList<Tag> Tags { get; init; }
    public required IReadOnlyList<Author> Authors { get; init; }

    /// <summary>The demo's standfirsts; stories draw theirs from these.</summary>
    public required IReadOnlyList<string> Deks { get; init; }

    /// <summary>Section index → the demo's illustration for it (URL and alt text), where the demo has one.</summary>
    public required IReadOnlyDictionary<int, (string Url, string? Alt)> Heroes { get; init; }

    /// <summary>Author index → index of the section whose desk they sit on.</summary>
    public required IReadOnlyList<int> DeskOf { get; init; }

    public static Newsroom Create(DemoContent demo, Random random)
    {
        var sections = demo.Sections;
        var tags = demo.Tags.ToList();
        var tagSlugs = tags.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        while (tags.Count < TagCount)
        {
            var name = $"{Places[random.Next(Places.Length)]} {Subjects[random.Next(Subjects.Length)]}";
            var slug = SlugText.From(name);
            if (tagSlugs.Add(slug))
            {
                tags.Add(new Tag { Name = name, Slug = slug });
            }
        }

        // Each demo author's desk is the section they write for most in the demo.
        var sectionIndex = sections.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var authors = demo.Authors.ToList();
        var desks = authors.Select(author => demo.Articles
                .Where(a => a.Authors.Any(x => x.Author == author))
                .GroupBy(a => sectionIndex[a.Section]).OrderByDescending(g => g.Count()).Select(g => g.Key)
                .DefaultIfEmpty(0).First())
            .ToList();
        var authorSlugs = authors.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        while (authors.Count < AuthorCount)
        {
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var slug = SlugText.From(name);
            if (!authorSlugs.Add(slug))
            {
                continue;
            }

            var desk = authors.Count % sections.Count;
            authors.Add(new Author
            {
                Name = name,
                Slug = slug,
                Role = $"{Roles[random.Next(Roles.Length)]}, {sections[desk].Name}",
                Bio = $"{name} joined the Gazette's {sections[desk].Name.ToLowerInvariant()} desk and reports from {Places[random.Next(Places.Length)]}.",
            });
            desks.Add(desk);
        }

        return new Newsroom
        {
            Sections = sections,
            Tiers = demo.Tiers,
            PlanMappings = DemoPlanMappings.Create(demo.Tiers),
            Tags = tags,
            Authors = authors,
            DeskOf = desks,
            Deks = [.. demo.Articles.Select(a => a.Summary).Distinct()],
            Heroes = demo.Articles.Where(a => a.HeroImageUrl is not null).GroupBy(a => sectionIndex[a.Section])
                .ToDictionary(g => g.Key, g => (g.First().HeroImageUrl!, g.First().HeroImageAlt)),
        };
    }
}
