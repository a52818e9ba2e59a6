using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PublisherPortal.Tests.Media;

/// <summary>
/// Image files made in the test: a whole PNG any decoder opens, and the leading bytes of the other formats (what the
/// site judges a file by), each with a size in its header, so a test knows what the site must read from it.
/// </summary>
public static class TestImages
{
    /// <summary>A complete PNG of <paramref name="width"/>×<paramref name="height"/> grey pixels.</summary>
    public static byte[] Png(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace all 0
        Chunk(file, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // no filter
                zlib.Write(Enumerable.Repeat((byte)0x80, width).ToArray());
            }
        }

        Chunk(file, "IDAT", pixels.ToArray());
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>The start of a baseline JPEG: SOI, a JFIF APP0 segment, then the frame header with the size.</summary>
    public static byte[] Jpeg(int width, int height) =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xD9,
    ];

    public static byte[] Gif(int width, int height) =>
        [.. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x00, 0x00, 0x00, 0x3B];

    /// <summary>An extended (VP8X) WebP: RIFF, WEBP, then the canvas size less one, 24 bits each.</summary>
    public static byte[] WebP(int width, int height) =>
    [
        .. "RIFF"u8, 0x16, 0x00, 0x00, 0x00, .. "WEBP"u8, .. "VP8X"u8, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        (byte)(width - 1), (byte)((width - 1) >> 8), (byte)((width - 1) >> 16), (byte)(height - 1), (byte)((height - 1) >> 8), (byte)((height - 1) >> 16),
    ];

    /// <summary>An ISO media file whose ftyp box names <paramref name="brand"/>, then an image spatial extents property.</summary>
    public static byte[] IsoMedia(string brand, int width, int height)
    {
        var bytes = new List<byte>();
        bytes.AddRange([0x00, 0x00, 0x00, 0x1C]);
        bytes.AddRange("ftyp"u8.ToArray());
        bytes.AddRange(Encoding.ASCII.GetBytes(brand));
        bytes.AddRange([0x00, 0x00, 0x00, 0x00]);
        bytes.AddRange(Encoding.ASCII.GetBytes("mif1" + "miaf" + "MA1B"));
        bytes.AddRange([0x00, 0x00, 0x00, 0x14]);
        bytes.AddRange("ispe"u8.ToArray());
        bytes.AddRange([0x00, 0x00, 0x00, 0x00]);
        bytes.AddRange(BigEndian(width));
        bytes.AddRange(BigEndian(height));
        return [.. bytes];
    }

    public static byte[] Svg { get; } = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"u8.ToArray();

    public static byte[] Html { get; } = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(BigEndian(data.Length));
        file.Write(typed);
        file.Write(BigEndian((int)Crc32(typed)));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
