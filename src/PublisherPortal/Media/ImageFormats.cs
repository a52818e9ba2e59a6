using System.Text;

namespace PublisherPortal.Media;

/// <summary>
/// Which image a file holds, decided by its leading bytes only. A browser's claimed content type and a file name are
/// whatever the sender wrote; the bytes are what a browser will decode. SVG is not among them: it is a document that
/// can carry script, and served from our origin it would run as us.
/// </summary>
public static class ImageFormats
{
    public static readonly ImageFormat Jpeg = new("JPEG", "image/jpeg", "jpg");
    public static readonly ImageFormat Png = new("PNG", "image/png", "png");
    public static readonly ImageFormat WebP = new("WebP", "image/webp", "webp");
    public static readonly ImageFormat Gif = new("GIF", "image/gif", "gif");
    public static readonly ImageFormat Avif = new("AVIF", "image/avif", "avif");

    public static IReadOnlyList<ImageFormat> All { get; } = [Jpeg, Png, WebP, Gif, Avif];

    /// <summary>For a file picker's <c>accept</c>: a hint to the person choosing, not a check.</summary>
    public static string Accept { get; } = string.Join(",", All.Select(f => f.ContentType));

    public static ImageFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return IsAvif(bytes) ? Avif : null;
    }

    public static ImageFormat? ByContentType(string contentType) => All.FirstOrDefault(f => f.ContentType == contentType);

    /// <summary>
    /// An ISO base media file whose <c>ftyp</c> box names the AVIF brand, as its major brand or among the compatible
    /// ones. HEIC and MP4 share the box but not the brand.
    /// </summary>
    private static bool IsAvif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var boxSize = (int)Math.Min((uint)bytes.Length, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes));
        for (var brand = 8; brand + 4 <= boxSize; brand += brand == 8 ? 8 : 4) // major brand, minor version, then compatible brands
        {
            var name = Encoding.ASCII.GetString(bytes.Slice(brand, 4));
            if (name is "avif" or "avis")
            {
                return true;
            }
        }

        return false;
    }
}
