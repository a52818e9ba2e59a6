using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>Everything a stand-in needs to describe a reader in an ID token or userinfo response.</summary>
internal sealed record ClaimsContext(
    TestReader Reader,
    string Subject,
    string ClientId,
    string Sid,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<ReaderSubscription> ActiveSubscriptions)
{
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>The single plan slug of Pliro and PiPA readers: the newest active subscription.</summary>
    public string? Plan => ActiveSubscriptions.FirstOrDefault()?.PlanKey;
}
