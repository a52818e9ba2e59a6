using PublisherPortal.Testing;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// Plays the provider's signing side for back-channel logout tests: an ES256 key (like Pliro's) whose public half the
/// portal is configured with, and logout tokens built claim by claim so each test can break exactly one rule.
/// </summary>
public sealed class LogoutTokenMinter
{
    public const string Issuer = "https://pliro.example";
    public const string ClientId = "pliro-client";
    public const string EventType = "http://schemas.openid.net/event/backchannel-logout";
    private readonly ProviderKey _key = ProviderKey.EcP256("pliro-test");

    public string PublicKeyPem => _key.PublicKeyPem;

    public Dictionary<string, object?> Claims(DateTimeOffset now, string subject, string? sessionId) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = ClientId,
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["sub"] = subject,
        ["sid"] = sessionId,
        ["events"] = new Dictionary<string, object> { [EventType] = new Dictionary<string, object>() },
    };

    public string Sign(Dictionary<string, object?> claims, string typ = "logout+jwt", string alg = "ES256") =>
        JwtWriter.Write(new() { ["typ"] = typ }, claims, _key, alg switch
        {
            "ES256" => TokenSigning.Normal,
            // The classic confusion attack: HMAC keyed with the bytes of the provider's public key.
            "HS256" => TokenSigning.HmacWithPublicKey,
            "none" => TokenSigning.AlgNone,
            _ => throw new ArgumentOutOfRangeException(nameof(alg)),
        });

    /// <summary>A token signed by a key the provider never published.</summary>
    public static string SignWithStrangerKey(Dictionary<string, object?> claims) =>
        JwtWriter.Write(new() { ["typ"] = "logout+jwt" }, claims, ProviderKey.EcP256("stranger"), TokenSigning.Normal);
}
