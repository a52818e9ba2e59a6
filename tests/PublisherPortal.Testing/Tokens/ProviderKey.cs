using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.Testing;

/// <summary>A signing key of the fake provider: RSA (RS256) or EC P-256 (ES256, as Pliro signs).</summary>
public sealed class ProviderKey
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;

    private ProviderKey(string kid, RSA? rsa, ECDsa? ec)
    {
        Kid = kid;
        _rsa = rsa;
        _ec = ec;
    }

    public static ProviderKey Rsa(string kid) => new(kid, RSA.Create(2048), null);

    public static ProviderKey EcP256(string kid) => new(kid, null, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public string Kid { get; }

    public string Algorithm => _rsa is not null ? "RS256" : "ES256";

    public string PublicKeyPem => _rsa?.ExportSubjectPublicKeyInfoPem() ?? _ec!.ExportSubjectPublicKeyInfoPem();

    public byte[] Sign(byte[] data) => _rsa is not null
        ? _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : _ec!.SignData(data, HashAlgorithmName.SHA256);

    public Dictionary<string, object> ToJwk()
    {
        if (_rsa is not null)
        {
            var p = _rsa.ExportParameters(false);
            return new()
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = Kid,
                ["n"] = WebEncoders.Base64UrlEncode(p.Modulus!), ["e"] = WebEncoders.Base64UrlEncode(p.Exponent!),
            };
        }
        var q = _ec!.ExportParameters(false).Q;
        return new()
        {
            ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = Kid, ["crv"] = "P-256",
            ["x"] = WebEncoders.Base64UrlEncode(q.X!), ["y"] = WebEncoders.Base64UrlEncode(q.Y!),
        };
    }

    /// <summary>The bytes an attacker would use as an HMAC secret in the key-confusion attack.</summary>
    public byte[] PublicKeyPemBytes => Encoding.ASCII.GetBytes(PublicKeyPem);
}
