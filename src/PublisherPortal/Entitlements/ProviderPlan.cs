namespace PublisherPortal.Entitlements;

/// <summary>
/// One plan or subscription as the provider reported it. <see cref="Keys"/> are all the keys a mapping may use for
/// it (Subrite: package id and package name); an inactive or expired one opens nothing but tells us it lapsed.
/// </summary>
public sealed record ProviderPlan(IReadOnlyList<string> Keys, string? Label, bool IsActive, DateTimeOffset? ExpiresAt)
{
    public static ProviderPlan FromClaim(string key) => new([key], null, true, null);
}
