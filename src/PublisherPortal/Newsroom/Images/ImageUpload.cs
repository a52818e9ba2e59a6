using PublisherPortal.Staff;

namespace PublisherPortal.Newsroom.Images;

/// <summary>What an upload did, in words, and on success the site path that serves the image.</summary>
public sealed record ImageUpload(StaffResult Result, string? Path = null);
