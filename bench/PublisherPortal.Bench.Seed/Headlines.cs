namespace PublisherPortal.Bench.Seed;

/// <summary>
/// Headlines in the demo's register ("Council votes to close Eastquay swing bridge to cars from spring"), built from
/// parts so 100k stories do not repeat a handful of titles: search and sort then see realistic variety.
/// </summary>
internal static class Headlines
{
    private static readonly string[] Actors =
    [
        "Council", "Harbour Authority", "Bay Transit", "Port Avery General", "Chamber of Commerce", "Avery Bay University",
        "Coastal Water Board", "Bay Wildlife Trust", "Lantern Hill Playhouse", "Mariners", "Fennick Bay Rowing Club",
        "Northgate residents", "Millbrook traders", "Eastquay families", "Gull Island islanders", "Planning committee",
        "Bay District Police", "Fishermen's cooperative", "Schools trust", "Festival organisers", "Lifeboat crew",
    ];

    private static readonly string[] Actions =
    [
        "approves", "delays", "rejects", "backs", "reviews", "cuts", "expands", "pauses", "defends", "rethinks",
        "opens", "closes", "funds", "questions", "wins fight over", "loses appeal over", "sets deadline for", "scraps",
    ];

    private static readonly string[] Objects =
    [
        "plan for new sea wall", "budget for school repairs", "late-night ferry trial", "harbour dredging contract",
        "Sunday library opening", "bus route changes", "housing list reforms", "fish auction rules", "festival licence",
        "stadium lighting bid", "cycle lane on the Ropewalk", "care home closure", "container quay expansion",
        "flood barrier at Kestrel Point", "rent cap proposal", "market hall refurbishment", "beach lifeguard cover",
        "night bus to Northgate", "theatre roof appeal", "rowing club boathouse", "wind farm cable route",
    ];

    private static readonly string[] Tails =
    [
        "", "", "", "after two-year wait", "despite objections", "as costs rise", "from spring", "ahead of winter",
        "for the third time", "after Gazette investigation", "in Millbrook", "on Gull Island", "in the Old Docks",
        "amid staff shortages", "as deadline nears", "after storm damage",
    ];

    private static readonly string[] OpinionForms =
    [
        "Editorial: the city must get the {object} right",
        "The {object} is a test Port Avery cannot afford to fail",
        "Why the {object} matters more than the council admits",
        "Letter from the Old Docks: what the {object} means for us",
        "We were promised a {object}. Where is it?",
    ];

    public static string For(string sectionSlug, Random random)
    {
        var obj = Objects[random.Next(Objects.Length)];
        if (sectionSlug == "opinion")
        {
            var form = OpinionForms[random.Next(OpinionForms.Length)];
            return form.Replace("{object}", obj, StringComparison.Ordinal);
        }

        var tail = Tails[random.Next(Tails.Length)];
        var headline = $"{Actors[random.Next(Actors.Length)]} {Actions[random.Next(Actions.Length)]} {obj}";
        return tail.Length == 0 ? headline : $"{headline} {tail}";
    }
}
