namespace PublisherPortal.Newsroom;

/// <summary>
/// What the newsroom accepts as an image's address: an http(s) URL or a path on this site. Nothing else reaches an
/// <c>img src</c> (no <c>javascript:</c>, no <c>data:</c>, no protocol-relative <c>//host</c>).
/// </summary>
public static class ImageAddress
{
    public const int MaxLength = 500;

    public static bool IsValid(string url) =>
        url.Length <= MaxLength
        && (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http");
}
