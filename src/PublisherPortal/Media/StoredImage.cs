namespace PublisherPortal.Media;

/// <summary>
/// An image uploaded in the newsroom, kept in the database so every instance behind the proxy serves the same bytes
/// (docs/operations.md, "The shape of a deployment"). Rows are never changed: a new image is a new id, which is what
/// lets <c>/media/{id}</c> be cached for a year.
/// </summary>
public sealed class StoredImage
{
    public Guid Id { get; set; }

    /// <summary>Decided from the bytes (<see cref="ImageFormats"/>), never from what the browser claimed.</summary>
    public required string ContentType { get; set; }

    public required byte[] Bytes { get; set; }

    /// <summary>Lowercase hex of the bytes' SHA-256: the ETag, and how the same file uploaded again finds its row.</summary>
    public required string Sha256 { get; set; }

    public int ByteLength { get; set; }

    /// <summary>Pixels, as the file's header states them; null when the header does not say where we look.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    public DateTime UploadedAt { get; set; }
    public required string UploadedByIssuer { get; set; }
    public required string UploadedBySubject { get; set; }
    public required string UploadedByName { get; set; }
}
