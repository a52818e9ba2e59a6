namespace PublisherPortal.DevProviders.Readers;

/// <summary>
/// The one place that lists the test readers and the plans each stand-in sells:
/// per provider a reader without plan, one per demo plan, Subrite's expired subscription,
/// and a reader who starts without plan and subscribes during the demo. PixelPin has no plans.
/// Pliro also has four back-office test staff: ordinary accounts, nothing more (a stand-in knows nothing of the
/// portal's roles); the portal's Development settings make them staff (its README, "The back office").
/// </summary>
internal static class TestReaderCatalog
{
    public static IReadOnlyList<PlanOffer> PlansFor(string provider) => provider switch
    {
        "pliro" or "pipa" =>
        [
            new PlanOffer("plus", "Plus", "Every article marked Plus."),
            new PlanOffer("premium", "Premium", "Everything, including Premium articles."),
        ],
        // Subrite identifies plans by numeric package id; the portal maps packageId/packageName.
        "subrite" =>
        [
            new PlanOffer("101", "Plus", "Every article marked Plus."),
            new PlanOffer("102", "Premium", "Everything, including Premium articles."),
        ],
        _ => [],
    };

    /// <summary>Pliro's offers, named apart from the plans they grant (plan slugs stay <c>plus</c>/<c>premium</c>).</summary>
    public static IReadOnlyList<SiteOffer> PliroOffers { get; } =
    [
        new("digital-plus-monthly", "Plus, monthly", "Every article marked Plus, billed monthly.", PlansFor("pliro")[0]),
        new("digital-premium-yearly", "Premium, yearly", "Everything, including Premium articles, billed yearly.", PlansFor("pliro")[1]),
    ];

    public static IReadOnlyList<TestReader> Readers { get; } =
    [
        new("pliro-free", "pliro", "cus_dev0000000000001", "Frida", "Free", "frida.free@pliro.test", "+4790000001", 0, "Signed up, no plan"),
        new("pliro-plus", "pliro", "cus_dev0000000000002", "Per", "Plus", "per.plus@pliro.test", "+4790000002", 0, "Plan: plus"),
        new("pliro-premium", "pliro", "cus_dev0000000000003", "Pia", "Premium", "pia.premium@pliro.test", "+4790000003", 0, "Plan: premium"),
        new("pliro-upgrader", "pliro", "cus_dev0000000000004", "Ulla", "Upgrade", "ulla.upgrade@pliro.test", "+4790000004", 0, "No plan yet: subscribe on the Pliro subscribe page"),
        new("pliro-admin", "pliro", "cus_dev0000000000101", "Ada", "Admin", "ada.admin@pliro.test", "+4790000101", 0, "Back-office test staff: Admin in the portal's Development settings"),
        new("pliro-editor", "pliro", "cus_dev0000000000102", "Edith", "Editor", "edith.editor@pliro.test", "+4790000102", 0, "Back-office test staff: Editor in the portal's Development settings"),
        new("pliro-author", "pliro", "cus_dev0000000000103", "Arne", "Author", "arne.author@pliro.test", "+4790000103", 0, "Back-office test staff: Author in the portal's Development settings"),
        new("pliro-contributor", "pliro", "cus_dev0000000000104", "Cora", "Contributor", "cora.contributor@pliro.test", "+4790000104", 0, "Back-office test staff: Contributor in the portal's Development settings"),

        new("subrite-none", "subrite", "1001", "Nils", "None", "nils.none@subrite.test", "+4791000001", 5001, "Member, no subscription"),
        new("subrite-plus", "subrite", "1002", "Pål", "Plus", "pal.plus@subrite.test", "+4791000002", 5002, "Package 101 Plus"),
        new("subrite-premium", "subrite", "1003", "Prem", "Ium", "prem.ium@subrite.test", "+4791000003", 5003, "Package 102 Premium"),
        new("subrite-expired", "subrite", "1004", "Eva", "Expired", "eva.expired@subrite.test", "+4791000004", 5004, "Premium expired last month (the member API returns no subscription)"),
        new("subrite-upgrader", "subrite", "1005", "Ola", "Upgrade", "ola.upgrade@subrite.test", "+4791000005", 5005, "No subscription yet: buy one at the Subrite checkout"),

        // PixelPin ids are 64-bit numbers (docs/providers/pixelpin.md).
        new("pixelpin-paula", "pixelpin", "7700000000000000001", "Paula", "Pin", "paula.pin@pixelpin.test", "+4792000001", 0, "Registered reader (PixelPin has no plans)"),
        new("pixelpin-pierre", "pixelpin", "7700000000000000002", "Pierre", "Pixel", "pierre.pixel@pixelpin.test", "+4792000002", 0, "Registered reader (PixelPin has no plans)"),

        new("pipa-none", "pipa", "pipa-user-1", "Nora", "Nothing", "nora.nothing@pipa.test", "+4793000001", 0, "No plan"),
        new("pipa-plus", "pipa", "pipa-user-2", "Pelle", "Plus", "pelle.plus@pipa.test", "+4793000002", 0, "Plan: plus"),
        new("pipa-premium", "pipa", "pipa-user-3", "Petra", "Premium", "petra.premium@pipa.test", "+4793000003", 0, "Plan: premium"),
        new("pipa-upgrader", "pipa", "pipa-user-4", "Ulf", "Upgrade", "ulf.upgrade@pipa.test", "+4793000004", 0, "No plan yet: gets one on the PiPA plan page"),
    ];

    /// <summary>The subscriptions each reader starts with, dated relative to start-up.</summary>
    public static IEnumerable<(string ReaderId, ReaderSubscription Subscription)> InitialSubscriptions(DateTimeOffset now)
    {
        var lastYear = now.AddYears(-1);
        var nextYear = now.AddYears(1);
        yield return ("pliro-plus", new(1, "plus", "Plus", "active", lastYear, lastYear, nextYear));
        yield return ("pliro-premium", new(2, "premium", "Premium", "active", lastYear, lastYear, nextYear));
        yield return ("subrite-plus", new(3, "101", "Plus", "active", lastYear, lastYear, nextYear));
        yield return ("subrite-premium", new(4, "102", "Premium", "active", lastYear, lastYear, nextYear));
        yield return ("subrite-expired", new(5, "102", "Premium", "expired", now.AddMonths(-13), now.AddMonths(-13), now.AddMonths(-1)));
        yield return ("pipa-plus", new(6, "plus", "Plus", "active", lastYear, lastYear, nextYear));
        yield return ("pipa-premium", new(7, "premium", "Premium", "active", lastYear, lastYear, nextYear));
    }
}
