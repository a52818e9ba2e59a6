using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>Unguessable values for codes, tokens, session keys and ids.</summary>
internal static class RandomValues
{
    public static string Token(int bytes = 32) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));
}
