using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// A signing key generated at start-up and kept in memory: ES256 (P-256) for Pliro, RS256 for the others.
/// Exposes only public material (JWK and PEM); the private half never leaves this type.
/// </summary>
internal sealed class StandInSigningKey
{
    private StandInSigningKey(SecurityKey key, string algorithm, JsonObject publicJwk, string publicPem)
    {
        Key = key;
        Algorithm = algorithm;
        PublicJwk = publicJwk;
        PublicPem = publicPem;
        Credentials = new SigningCredentials(key, algorithm);
    }

    public SecurityKey Key { get; }
    public string Algorithm { get; }
    public string KeyId => Key.KeyId;
    public JsonObject PublicJwk { get; }
    public string PublicPem { get; }
    public SigningCredentials Credentials { get; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<StandInSigningKey>> ProcessKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// The key of <paramref name="provider"/> for this process: generated on first use, then the same for every stand-in
    /// host in the process, so the settings the stand-ins hand the portal (Pliro's PEM key) match what they sign with.
    /// </summary>
    public static StandInSigningKey ForProcess(string algorithm, string provider) =>
        ProcessKeys.GetOrAdd(provider + "/" + algorithm, _ => new Lazy<StandInSigningKey>(() => Create(algorithm, provider))).Value;

    public static StandInSigningKey Create(string algorithm, string provider) => algorithm switch
    {
        SecurityAlgorithms.EcdsaSha256 => CreateEc(provider),
        SecurityAlgorithms.RsaSha256 => CreateRsa(provider),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Only ES256 and RS256 are used by the stand-ins."),
    };

    private static StandInSigningKey CreateEc(string provider)
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(includePrivateParameters: false);
        var kid = KeyIdFor(provider, p.Q.X!);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
            ["kid"] = kid,
        };
        return new StandInSigningKey(new ECDsaSecurityKey(ecdsa) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256, jwk, ecdsa.ExportSubjectPublicKeyInfoPem());
    }

    private static StandInSigningKey CreateRsa(string provider)
    {
        var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(includePrivateParameters: false);
        var kid = KeyIdFor(provider, p.Modulus!);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = kid,
        };
        return new StandInSigningKey(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256, jwk, rsa.ExportSubjectPublicKeyInfoPem());
    }

    private static string KeyIdFor(string provider, byte[] publicPart) =>
        provider + "-" + Base64UrlEncoder.Encode(SHA256.HashData(publicPart).AsSpan(0, 12).ToArray());
}
