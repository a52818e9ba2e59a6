namespace PublisherPortal.Oidc;

/// <summary>
/// What an operator needs to see about one configured provider: whether its discovery document and key set answer
/// now, the keys it signs with, and the exact URIs to register at it; <see cref="Ready"/> says whether sign-in could
/// work now and <see cref="Summary"/> why, in a sentence for operators. No secret is part of it.
/// </summary>
public sealed record OidcProviderStatus(
    string Key,
    string DisplayName,
    OidcProviderType Type,
    string? Issuer,
    OidcEndpointCheck? Discovery,
    OidcEndpointCheck? Jwks,
    IReadOnlyList<OidcSigningKeyInfo> Keys,
    string RedirectUri,
    string PostLogoutRedirectUri,
    DateTimeOffset CheckedAt,
    bool Ready,
    string Summary);

/// <summary>One endpoint fetched now: reachable (HTTP 2xx and a parseable document) or why not.</summary>
public sealed record OidcEndpointCheck(string Url, bool Reachable, string Detail);

/// <summary>
/// One signing key. Key sets carry no dates: <see cref="FirstSeenAt"/> is when this instance first saw the key
/// (since it started), <see cref="NotBefore"/> the date of its certificate when the key set includes one.
/// </summary>
public sealed record OidcSigningKeyInfo(string? KeyId, string KeyType, string? Algorithm, string Source, DateTimeOffset FirstSeenAt, DateTimeOffset? NotBefore);
