using System.Text.Json.Nodes;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Subrite;

/// <summary>
/// The body of <c>GET /api/v1/members/profile/info-with-active-subscriptions</c>, field for field as in Subrite's
/// response sample (docs/providers/subrite.md: id as a string, memberNumber as a number, phone with country code).
/// "Only returns active subscriptions": which ones are active is the stand-in's own bookkeeping; the <c>status</c>
/// word and <c>expiresAt</c> it shows for them are undocumented, so they follow <c>DevProviders:subrite:*</c>.
/// </summary>
internal static class MemberProfileResponse
{
    public static JsonObject Build(TestReader reader, IEnumerable<ReaderSubscription> activeSubscriptions, SubriteStandInOptions switches, DateTimeOffset now) => new()
    {
        ["id"] = reader.ProviderId,
        ["fullName"] = reader.FullName,
        ["email"] = reader.Email,
        ["userType"] = "member",
        ["phone"] = reader.Phone,
        ["avatar"] = null,
        ["nickName"] = "",
        ["memberNumber"] = reader.MemberNumber,
        ["address"] = new JsonObject
        {
            ["line1"] = null,
            ["city"] = null,
            ["postCode"] = null,
            ["postOffice"] = null,
            ["country"] = "NO",
            ["name"] = null,
            ["email"] = null,
        },
        // "subscriptions: Only returns active subscriptions."
        ["subscriptions"] = new JsonArray([.. activeSubscriptions.Select(s => Subscription(s, switches, now))]),
    };

    private static JsonNode Subscription(ReaderSubscription s, SubriteStandInOptions switches, DateTimeOffset now) => new JsonObject
    {
        ["subscriptionId"] = s.SubscriptionId,
        ["packageId"] = int.Parse(s.PlanKey, System.Globalization.CultureInfo.InvariantCulture),
        ["packageName"] = s.PlanName,
        ["status"] = switches.ActiveStatus ?? "active",
        ["createdAt"] = Timestamp(s.CreatedAt),
        ["activatedAt"] = Timestamp(s.ActivatedAt),
        ["expiresAt"] = switches.Expiry switch
        {
            SubscriptionExpiry.None => null,
            SubscriptionExpiry.Past => Timestamp(now.AddDays(-1)),
            _ => Timestamp(s.ExpiresAt),
        },
        ["subscriptionProducts"] = new JsonArray(new JsonObject { ["id"] = s.SubscriptionId * 10, ["name"] = s.PlanName + " digital access" }),
        ["customPropertyValues"] = new JsonObject(),
    };

    /// <summary>The sample's form: "2024-01-08T13:49:59.350Z".</summary>
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
