using PublisherPortal.Oidc;

namespace PublisherPortal.Newsroom;

/// <summary>
/// What the newsroom accepts as an image's address: an http(s) URL or a path on this site. Nothing else reaches an
/// <c>img src</c> (no <c>javascript:</c>, no <c>data:</c>); a path follows the site's one local-URL rule (<see cref="LocalUrl"/>).
/// </summary>
public static class ImageAddress
{
    public const int MaxLength = 500;

    public static bool IsValid(string url) =>
        url.Length <= MaxLength
        && (LocalUrl.IsLocal(url) || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http");
}
