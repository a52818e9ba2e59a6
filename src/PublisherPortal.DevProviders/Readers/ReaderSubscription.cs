namespace PublisherPortal.DevProviders.Readers;

/// <summary>
/// A subscription held by a test reader. <see cref="PlanKey"/> is the Pliro/PiPA plan slug or the Subrite package id.
/// Active means status "active" and not yet expired: the Subrite member API returns only those.
/// </summary>
internal sealed record ReaderSubscription(
    int SubscriptionId,
    string PlanKey,
    string PlanName,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ActivatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset now) => Status == "active" && ExpiresAt > now;
}
