using System.Text;

namespace PublisherPortal.Oidc;

/// <summary>
/// The one rule for following a URL that came from a request (a <c>returnUrl</c>, a sign-in journey's target, a
/// sign-out's return page): only a path on this site is followed, so nothing can send a reader to another site.
/// The relying party and the web app both redirect through it.
/// </summary>
public static class LocalUrl
{
    /// <summary>
    /// A local path: one leading '/', not "//host" or "/\host" (browsers read both as another site), and no control
    /// character (browsers drop tabs and newlines, so "/\t/host" would become "//host").
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The URL when it is local, else <paramref name="fallback"/>; in a form a Location header can carry.</summary>
    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? HeaderSafe(url!) : fallback;

    /// <summary>The URL when it is local, else the front page.</summary>
    public static string OrHome(string? url) => OrDefault(url, "/");

    /// <summary>
    /// Non-ASCII characters and spaces percent-encoded (UTF-8), everything else as given: a response header takes
    /// ASCII only, and "/&#x3002;x" must reach the same page a browser would have asked for, not a server error.
    /// </summary>
    private static string HeaderSafe(string url)
    {
        if (url.All(c => c is > ' ' and < (char)0x7F))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
