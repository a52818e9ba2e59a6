using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.DevProviders.Pipa;

/// <summary>
/// PiPA's "user id specific to this user and your integration": an HMAC of the reader and the client id,
/// so another client id sees another subject. The key is fixed so the subject survives a restart
/// (a local database keeps the reader across runs); it protects nothing real.
/// </summary>
internal static class PairwiseSubject
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("PublisherPortal.DevProviders pairwise subject (development only)");

    public static string For(string readerId, string clientId) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(readerId + "\n" + clientId)).AsSpan(0, 20).ToArray());
}
