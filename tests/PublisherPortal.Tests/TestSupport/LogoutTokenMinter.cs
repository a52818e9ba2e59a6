using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// Plays the provider's signing side for back-channel logout tests: an ES256 key (like Pliro's) whose public half the
/// portal is configured with, and logout tokens built claim by claim so each test can break exactly one rule.
/// </summary>
public sealed class LogoutTokenMinter : IDisposable
{
    public const string Issuer = "https://pliro.example";
    public const string ClientId = "pliro-client";
    public const string EventType = "http://schemas.openid.net/event/backchannel-logout";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

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

    public string Sign(Dictionary<string, object?> claims, string typ = "logout+jwt", string alg = "ES256")
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg, ["typ"] = typ };
        var signingInput = Encode(header) + "." + Encode(claims.Where(c => c.Value is not null).ToDictionary());
        var signature = alg switch
        {
            "ES256" => _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256),
            // The classic confusion attack: HMAC keyed with the bytes of the provider's public key.
            "HS256" => HMACSHA256.HashData(Encoding.ASCII.GetBytes(PublicKeyPem), Encoding.ASCII.GetBytes(signingInput)),
            "none" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(alg)),
        };
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A token signed by a key the provider never published.</summary>
    public static string SignWithStrangerKey(Dictionary<string, object?> claims)
    {
        using var stranger = new LogoutTokenMinter();
        return stranger.Sign(claims);
    }

    private static string Encode(Dictionary<string, object?> value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    public void Dispose() => _key.Dispose();
}
