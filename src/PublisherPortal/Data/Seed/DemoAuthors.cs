using PublisherPortal.Articles;

namespace PublisherPortal.Data.Seed;

/// <summary>The newsroom. Each reporter has a home section; bylines are drawn from it.</summary>
internal static class DemoAuthors
{
    private static readonly (string Section, string Name, string Role, string Bio)[] Staff =
    [
        ("news", "Maren Holt", "Chief reporter",
            "Maren has covered Port Avery for the Gazette since 2011, from flood nights on the Old Docks to every council budget since. She grew up in Millbrook."),
        ("news", "Tobias Achterberg", "City hall correspondent",
            "Tobias reports on the city council, planning and public money. Before joining the Gazette he spent six years on a regional paper in the north."),
        ("news", "Priya Raman", "Health and education reporter",
            "Priya writes about hospitals, schools and the people who work in them. She trained as a nurse before turning to journalism."),
        ("business", "Daniel Okafor", "Business editor",
            "Daniel edits the Gazette's business pages and writes about the harbour economy. He has reported from fish auctions, boardrooms and shipyards."),
        ("business", "Sofia Lindqvist", "Economics correspondent",
            "Sofia turns statistics about jobs, rents and prices into stories about the city. She studied economics at Avery Bay University."),
        ("climate", "Hamish Carradine", "Environment correspondent",
            "Hamish covers the coast, the weather and the changing bay. He is a volunteer crew member at the Kestrel Point lifeboat station."),
        ("climate", "Noor Haddad", "Science and climate reporter",
            "Noor reports on research and data about sea level, storms and wildlife. She previously worked as a marine biologist."),
        ("culture", "Elise Marchetti", "Arts editor",
            "Elise reviews theatre, music and books and edits the Gazette's weekend culture pages. She has seen every Playhouse première since 2014."),
        ("culture", "Jonah Whitlock", "Food writer",
            "Jonah writes about restaurants, markets and the people who feed Port Avery. He pays for every meal he reviews."),
        ("sport", "Callum Reyes", "Sports editor",
            "Callum has followed the Port Avery Mariners home and away for fifteen seasons and edits the Gazette's sport pages."),
        ("sport", "Aoife Brennan", "Water sports reporter",
            "Aoife covers rowing, sailing and open-water swimming, and rows for Fennick Bay's masters crew when deadlines allow."),
        ("opinion", "Ruth Abernethy", "Columnist",
            "Ruth writes a weekly column about life in Port Avery. She was a teacher in Northgate for twenty years."),
        ("opinion", "Inés Ortega", "Political columnist",
            "Inés writes about power, politics and public services in the city. She was the Gazette's city hall correspondent until 2019."),
        ("opinion", "Samuel Adeyemi", "Editor",
            "Samuel is the editor of The Harbour Gazette and writes its editorials. He joined the paper as a trainee reporter in 2003."),
    ];

    public const string EditorName = "Samuel Adeyemi";

    /// <summary>Tags each writer covers, so bylines match the story: the food writer does not review theatre.
    /// A writer with no beat (the chief reporter) may take any story on their desk.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Beats = new Dictionary<string, string[]>
    {
        ["Maren Holt"] = [],
        ["Tobias Achterberg"] = ["city-council", "transport", "housing", "courts-and-policing"],
        ["Priya Raman"] = ["health", "schools"],
        ["Daniel Okafor"] = ["the-harbour", "shipping", "fishing", "tourism", "energy"],
        ["Sofia Lindqvist"] = ["jobs", "property", "small-business"],
        ["Hamish Carradine"] = ["coastline", "flooding", "energy"],
        ["Noor Haddad"] = ["storms", "wildlife", "flooding", "schools"],
        ["Elise Marchetti"] = ["theatre", "music", "books", "festivals", "the-harbour", "small-business"],
        ["Jonah Whitlock"] = ["food-and-drink"],
        ["Callum Reyes"] = ["port-avery-mariners", "grassroots-sport"],
        ["Aoife Brennan"] = ["rowing", "sailing", "grassroots-sport"],
        ["Ruth Abernethy"] = ["housing", "grassroots-sport", "transport", "coastline", "flooding"],
        ["Inés Ortega"] = ["city-council", "the-harbour", "property", "tourism", "jobs"],
        ["Samuel Adeyemi"] = ["editorials"],
    };

    public static IReadOnlyList<(string Section, Author Author)> Create() =>
        [.. Staff.Select(s => (s.Section, new Author { Name = s.Name, Slug = SlugText.From(s.Name), Role = s.Role, Bio = s.Bio }))];
}
