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

    /// <summary>
    /// The stand-in's key: from <paramref name="material"/> (base64 PKCS#8, <c>DevProviders:{provider}:SigningKey</c>,
    /// which <c>AddDevProviderSettings</c> sets so the PEM it hands the portal is this key's), or generated now.
    /// Each stand-in host has its own key object: one ECDsa or RSA instance is never shared between hosts.
    /// </summary>
    public static StandInSigningKey For(string algorithm, string provider, string? material)
    {
        var pkcs8 = material is null ? Generate(algorithm) : Convert.FromBase64String(material);
        return algorithm == SecurityAlgorithms.EcdsaSha256 ? FromEc(provider, Import(ECDsa.Create(), pkcs8)) : FromRsa(provider, Import(RSA.Create(), pkcs8));
    }

    /// <summary>New private key material for <paramref name="algorithm"/>, base64 PKCS#8.</summary>
    public static string NewMaterial(string algorithm) => Convert.ToBase64String(Generate(algorithm));

    /// <summary>Whether <paramref name="material"/> is a usable key for <paramref name="algorithm"/>.</summary>
    public static bool IsUsable(string algorithm, string material)
    {
        try
        {
            For(algorithm, "check", material);
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Generate(string algorithm)
    {
        switch (algorithm)
        {
            case SecurityAlgorithms.EcdsaSha256:
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256)) return ec.ExportPkcs8PrivateKey();
            case SecurityAlgorithms.RsaSha256:
                using (var rsa = RSA.Create(2048)) return rsa.ExportPkcs8PrivateKey();
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Only ES256 and RS256 are used by the stand-ins.");
        }
    }

    private static T Import<T>(T key, byte[] pkcs8)
        where T : AsymmetricAlgorithm
    {
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }

    private static StandInSigningKey FromEc(string provider, ECDsa ecdsa)
    {
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

    private static StandInSigningKey FromRsa(string provider, RSA rsa)
    {
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
