using PublisherPortal.Articles;

namespace PublisherPortal.Data.Seed;

/// <summary>Tags cut across sections; stories in the catalogue refer to them by slug.</summary>
internal static class DemoTags
{
    private static readonly string[] Names =
    [
        "City council", "Transport", "Housing", "Health", "Schools", "Courts & policing",
        "The harbour", "Shipping", "Fishing", "Jobs", "Small business", "Property", "Tourism",
        "Flooding", "Storms", "Energy", "Wildlife", "Coastline",
        "Theatre", "Music", "Books", "Food & drink", "Festivals",
        "Port Avery Mariners", "Rowing", "Sailing", "Grassroots sport", "Editorials",
    ];

    public static IReadOnlyList<Tag> Create() =>
        [.. Names.Select(name => new Tag { Name = name, Slug = SlugText.From(name) })];
}
