using PublisherPortal.Articles;

namespace PublisherPortal.Data.Seed;

/// <summary>The Gazette's six sections, in navigation order, with the hero illustration each one uses.</summary>
internal static class DemoSections
{
    public static IReadOnlyList<Section> Create() =>
    [
        Section(1, "News", "Port Avery and the bay: city hall, transport, courts, health and schools."),
        Section(2, "Business", "The harbour economy: shipping, fishing, property, jobs and the firms that employ Port Avery."),
        Section(3, "Climate", "Rising water, shifting weather and the coast we live on, measured and explained."),
        Section(4, "Culture", "Stage, screen, books, music and food from Lantern Hill to the Old Docks."),
        Section(5, "Sport", "The Mariners, the rowing clubs, school sport and everything that moves on the water."),
        Section(6, "Opinion", "Editorials, columns and readers' letters. Argument, clearly labelled as such."),
    ];

    /// <summary>Relative URL of a section's demo illustration; the site serves these from wwwroot/img/demo.</summary>
    public static string HeroImageUrl(string sectionSlug) => $"/img/demo/{sectionSlug}.svg";

    /// <summary>Alt text describes what the illustration shows, so it stays true whichever article uses it.</summary>
    public static string HeroImageAlt(string sectionSlug) => sectionSlug switch
    {
        "news" => "Illustration of the Eastquay swing bridge and the harbour front in Port Avery",
        "business" => "Illustration of container cranes and fishing boats along the Port Avery quays",
        "climate" => "Illustration of waves breaking over the sea wall below Kestrel Point lighthouse",
        "culture" => "Illustration of the Lantern Hill Playhouse lit up on a winter evening",
        "sport" => "Illustration of a rowing crew on Fennick Bay at sunrise",
        "opinion" => "Illustration of a fountain pen resting on a folded copy of The Harbour Gazette",
        _ => throw new ArgumentOutOfRangeException(nameof(sectionSlug), sectionSlug, "Unknown demo section."),
    };

    private static Section Section(int position, string name, string description) => new()
    {
        Name = name,
        Slug = SlugText.From(name),
        Description = description,
        Position = position,
    };
}
