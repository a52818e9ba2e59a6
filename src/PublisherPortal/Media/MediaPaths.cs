namespace PublisherPortal.Media;

/// <summary>Where the site serves a stored image: a path on this site, so the newsroom's image-address rule accepts it.</summary>
public static class MediaPaths
{
    public const string Prefix = "/media";

    /// <summary>The extension is for people and tools that guess by name; the stored content type is what is served.</summary>
    public static string Of(Guid id, ImageFormat format) => $"{Prefix}/{id:D}.{format.Extension}";
}
