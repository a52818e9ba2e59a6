using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>PKCE S256 (RFC 7636 §4): the only method Subrite accepts.</summary>
internal static partial class Pkce
{
    /// <summary>43 to 128 unreserved characters (RFC 7636 §4.1, §4.2).</summary>
    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    public static partial Regex WellFormed();

    public static bool Verifies(string? verifier, string challenge)
    {
        if (verifier is null || !WellFormed().IsMatch(verifier))
        {
            return false;
        }

        var computed = Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(challenge));
    }
}
