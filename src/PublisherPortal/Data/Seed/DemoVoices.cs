namespace PublisherPortal.Data.Seed;

/// <summary>
/// The fictional people quoted in demo stories, by section. Roles may contain {place} or
/// {institution}; the body writer fills them in for the story at hand.
/// </summary>
internal static class DemoVoices
{
    public static IReadOnlyList<(string Name, string Role)> For(string section, string[] tags) => section switch
    {
        // A football story quotes football people; the water clubs have voices of their own.
        "sport" when tags.Contains("port-avery-mariners") =>
        [
            ("Dean Fowler", "the Mariners' manager"),
            ("Femi Lawal", "the Mariners' captain"),
            ("Ravi Shah", "chair of the Mariners Supporters' Trust"),
            ("Lorna Gill", "a spokesperson for {institution}"),
        ],
        "business" =>
        [
            ("Keira Lowe", "chief executive of the Avery Bay Chamber of Commerce"),
            ("Rafael Duarte", "an economist at Avery Bay University"),
            ("Tom Pellow", "who runs a family firm in {place}"),
            ("Anita Sørensen", "a commercial property agent in the city"),
            ("Gareth Hale", "a spokesperson for {institution}"),
            ("Lydia Crane", "a fish merchant on Eastquay for 25 years"),
        ],
        "climate" =>
        [
            ("Prof Imogen Tate", "a coastal engineer at Avery Bay University"),
            ("Dr Kwame Asante", "who leads the sea-level programme at the regional weather office"),
            ("Fiona Rudd", "a spokesperson for {institution}"),
            ("Pete Kernow", "a volunteer with the Kestrel Point lifeboat"),
            ("Shona MacLeod", "a marine ecologist with the Bay Wildlife Trust"),
            ("Colin Marr", "who has farmed on the edge of the Avery plain for 40 years"),
        ],
        "culture" =>
        [
            ("Hattie Brook", "artistic director of the Lantern Hill Playhouse"),
            ("Rowan Pike", "a programmer at the Harbour Lights festival"),
            ("Yusuf Karim", "who owns a café in {place}"),
            ("Clara Voss", "a curator at the Port Avery City Archive"),
            ("Ned Albright", "a spokesperson for {institution}"),
            ("José Ferreira", "a musician who has played in the city for 30 years"),
        ],
        "sport" =>
        [
            ("Jess Marlowe", "head coach at Fennick Bay Rowing Club"),
            ("Sam Achebe", "who coaches youth teams in {place}"),
            ("Kit Danvers", "a volunteer coach with {institution}"),
            ("Nadia Osei", "a spokesperson for {institution}"),
        ],
        _ =>
        [
            ("Bea Whitford", "chair of the council's scrutiny committee"),
            ("Owen Tregarthen", "a councillor for {place}"),
            ("Grace Mbeki", "who chairs the residents' association in {place}"),
            ("Alan Pascoe", "a spokesperson for {institution}"),
            ("Dr Helen Varga", "a public-policy lecturer at Avery Bay University"),
            ("Marcus Dunne", "who has lived in {place} for more than 30 years"),
        ],
    };
}
