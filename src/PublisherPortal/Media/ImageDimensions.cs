using System.Buffers.Binary;

namespace PublisherPortal.Media;

/// <summary>
/// An image's size in pixels as its header states it, read from fixed places in the first bytes: no decoder, nothing
/// decompressed. Null when the header does not say it where this looks (a JPEG without a frame header, an unusual
/// AVIF): the size is for people and layouts, never a check.
/// </summary>
public static class ImageDimensions
{
    public static (int Width, int Height)? Of(ImageFormat format, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return format.Extension switch
            {
                "png" => Pixels(BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..])),
                "gif" => Pixels(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])),
                "jpg" => Jpeg(bytes),
                "webp" => WebP(bytes),
                "avif" => Avif(bytes),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            // A header cut short: the image may still be one a browser shows, so it is stored without a size.
            return null;
        }
    }

    /// <summary>The first start-of-frame segment (SOF0 to SOF15 except DHT, JPG and DAC) holds height, then width.</summary>
    private static (int, int)? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 9 < bytes.Length && bytes[at] == 0xFF)
        {
            var marker = bytes[at + 1];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Pixels(BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]));
            }

            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
        }

        return null;
    }

    /// <summary>The three WebP encodings keep their size in three places (lossy, lossless, extended).</summary>
    private static (int, int)? WebP(ReadOnlySpan<byte> bytes)
    {
        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return Pixels(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return Pixels((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return Pixels(UInt24(bytes[24..]) + 1, UInt24(bytes[27..]) + 1);
        }

        return null;
    }

    /// <summary>The image spatial extents property (<c>ispe</c>): version and flags, then width and height.</summary>
    private static (int, int)? Avif(ReadOnlySpan<byte> bytes)
    {
        var at = bytes[..Math.Min(bytes.Length, 4096)].IndexOf("ispe"u8);
        return at < 0 ? null : Pixels(BinaryPrimitives.ReadInt32BigEndian(bytes[(at + 8)..]), BinaryPrimitives.ReadInt32BigEndian(bytes[(at + 12)..]));
    }

    private static int UInt24(ReadOnlySpan<byte> bytes) => bytes[0] | bytes[1] << 8 | bytes[2] << 16;

    private static (int, int)? Pixels(int width, int height) => width > 0 && height > 0 ? (width, height) : null;
}
