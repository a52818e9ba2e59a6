using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.Oidc;

/// <summary>
/// A replay key for a logout token that carries no <c>jti</c>: a hash of issuer, subject, session and issue time.
/// Built from the claims rather than the token's text, because a signature can be re-encoded (ECDSA's is malleable)
/// into a different string that still verifies: the same event then still has the same id.
/// </summary>
internal static class LogoutTokenId
{
    /// <summary>Marks derived ids apart from provider-sent jti values; 52 characters in all.</summary>
    public const string Prefix = "derived:";

    public static string Derive(string issuer, string subject, string? sessionId, DateTimeOffset issuedAt)
    {
        var material = string.Join('\n', issuer, subject, sessionId ?? "", issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return Prefix + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}
