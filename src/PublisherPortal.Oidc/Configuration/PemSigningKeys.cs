using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Turns configured PEM public keys into signing keys, for providers that publish keys on a page
/// rather than a JWKS (Pliro's example configures one EC P-256 key).
/// </summary>
internal static class PemSigningKeys
{
    public static bool TryParse(string pem, out SecurityKey? key, out string why)
    {
        key = null;
        why = "";
        try
        {
            var ec = ECDsa.Create();
            try
            {
                ec.ImportFromPem(pem);
                key = new ECDsaSecurityKey(ec);
                return true;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                ec.Dispose();
            }

            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(pem);
                key = new RsaSecurityKey(rsa);
                return true;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                rsa.Dispose();
                why = "expected a -----BEGIN PUBLIC KEY----- block holding an EC or RSA key";
                return false;
            }
        }
        catch (CryptographicException e)
        {
            why = e.Message;
            return false;
        }
    }

    public static IEnumerable<SecurityKey> ParseAll(IEnumerable<string> pems)
    {
        foreach (var pem in pems)
        {
            if (TryParse(pem, out var key, out _) && key is not null)
            {
                yield return key;
            }
        }
    }
}
