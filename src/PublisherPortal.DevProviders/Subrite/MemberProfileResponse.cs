using System.Text.Json.Nodes;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Subrite;

/// <summary>
/// The body of <c>GET /api/v1/members/profile/info-with-active-subscriptions</c>, field for field as in the
/// response sample of subrite-oidc-integration.txt (id as a string, memberNumber as a number, phone with country code).
/// </summary>
internal static class MemberProfileResponse
{
    public static JsonObject Build(TestReader reader, IEnumerable<ReaderSubscription> activeSubscriptions) => new()
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
        ["subscriptions"] = new JsonArray([.. activeSubscriptions.Select(Subscription)]),
    };

    private static JsonNode Subscription(ReaderSubscription s) => new JsonObject
    {
        ["subscriptionId"] = s.SubscriptionId,
        ["packageId"] = int.Parse(s.PlanKey, System.Globalization.CultureInfo.InvariantCulture),
        ["packageName"] = s.PlanName,
        ["status"] = s.Status,
        ["createdAt"] = Timestamp(s.CreatedAt),
        ["activatedAt"] = Timestamp(s.ActivatedAt),
        ["expiresAt"] = Timestamp(s.ExpiresAt),
        ["subscriptionProducts"] = new JsonArray(new JsonObject { ["id"] = s.SubscriptionId * 10, ["name"] = s.PlanName + " digital access" }),
        ["customPropertyValues"] = new JsonObject(),
    };

    /// <summary>The sample's form: "2024-01-08T13:49:59.350Z".</summary>
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
