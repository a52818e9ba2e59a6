using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.Testing;

/// <summary>How the fake provider signs a token: properly, or in one of the ways an attacker would.</summary>
public enum TokenSigning
{
    Normal,
    /// <summary>Signed with a key the provider never published.</summary>
    UnpublishedKey,
    /// <summary><c>alg: none</c> and an empty signature.</summary>
    AlgNone,
    /// <summary><c>alg: HS256</c> keyed with the provider's public key (algorithm confusion).</summary>
    HmacWithPublicKey,
    /// <summary>Signature bytes flipped after signing.</summary>
    TamperedSignature,
}

/// <summary>Writes JWTs by hand so tests can produce tokens no well-behaved library would.</summary>
public static class JwtWriter
{
    public static string Write(Dictionary<string, object?> header, Dictionary<string, object?> payload, ProviderKey key, TokenSigning signing)
    {
        header = new Dictionary<string, object?>(header);
        switch (signing)
        {
            case TokenSigning.AlgNone:
                header["alg"] = "none";
                break;
            case TokenSigning.HmacWithPublicKey:
                header["alg"] = "HS256";
                break;
            default:
                header.TryAdd("alg", key.Algorithm);
                break;
        }

        var signingInput = Encode(header) + "." + Encode(payload);
        var data = Encoding.ASCII.GetBytes(signingInput);
        byte[] signature = signing switch
        {
            TokenSigning.AlgNone => [],
            TokenSigning.HmacWithPublicKey => HMACSHA256.HashData(key.PublicKeyPemBytes, data),
            TokenSigning.UnpublishedKey => ProviderKey.Rsa(key.Kid).Sign(data),
            _ => key.Sign(data),
        };
        if (signing == TokenSigning.TamperedSignature)
        {
            signature[^1] ^= 0xFF;
        }
        return signingInput + "." + WebEncoders.Base64UrlEncode(signature);
    }

    private static string Encode(Dictionary<string, object?> part) =>
        WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(part.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value)));

    /// <summary>The at_hash of an access token for SHA-256 based algorithms (OIDC Core §3.1.3.6).</summary>
    public static string AtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return WebEncoders.Base64UrlEncode(hash, 0, hash.Length / 2);
    }
}
