using System.Collections.Concurrent;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// Pending authorization requests, codes, access and refresh tokens, in memory.
/// Codes and refresh tokens are removed on first use, so a second use finds nothing (single use, rotation).
/// </summary>
internal sealed class GrantStore
{
    private readonly ConcurrentDictionary<string, AuthorizationRequest> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> _refreshTokens = new(StringComparer.Ordinal);

    public string AddRequest(AuthorizationRequest request) => Add(_requests, request);

    public AuthorizationRequest? TakeRequest(string id) => _requests.TryRemove(id, out var request) ? request : null;

    public string AddCode(AuthorizationCodeGrant grant) => Add(_codes, grant);

    public AuthorizationCodeGrant? TakeCode(string code) => _codes.TryRemove(code, out var grant) ? grant : null;

    public string AddAccessToken(TokenGrant grant) => Add(_accessTokens, grant);

    public TokenGrant? FindAccessToken(string token) => _accessTokens.TryGetValue(token, out var grant) ? grant : null;

    public string AddRefreshToken(TokenGrant grant) => Add(_refreshTokens, grant);

    public TokenGrant? TakeRefreshToken(string token) => _refreshTokens.TryRemove(token, out var grant) ? grant : null;

    private static string Add<T>(ConcurrentDictionary<string, T> map, T value)
    {
        var key = RandomValues.Token();
        map[key] = value;
        return key;
    }
}
