namespace PublisherPortal.Media;

/// <summary>An image type the site stores and serves: its content type and the extension its address carries.</summary>
public sealed record ImageFormat(string Name, string ContentType, string Extension);
