using PublisherPortal.Media;

namespace PublisherPortal.Tests.Media;

/// <summary>A file's type comes from its bytes, and its size from its header; anything that is not one of the five images is no image.</summary>
public sealed class ImageFormatsTests
{
    public static TheoryData<string, byte[], string, int, int> Images => new()
    {
        { "PNG", TestImages.Png(3, 2), "image/png", 3, 2 },
        { "JPEG", TestImages.Jpeg(640, 480), "image/jpeg", 640, 480 },
        { "GIF", TestImages.Gif(300, 200), "image/gif", 300, 200 },
        { "WebP", TestImages.WebP(1200, 675), "image/webp", 1200, 675 },
        { "AVIF", TestImages.IsoMedia("avif", 800, 600), "image/avif", 800, 600 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_type_is_known_by_its_bytes_and_its_size_read_from_its_header(string name, byte[] bytes, string contentType, int width, int height)
    {
        var format = ImageFormats.Detect(bytes);

        Assert.NotNull(format);
        Assert.Equal(name, format.Name);
        Assert.Equal(contentType, format.ContentType);
        Assert.Equal((width, height), ImageDimensions.Of(format, bytes));
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "SVG", TestImages.Svg },
        { "HTML", TestImages.Html },
        { "HEIC (the same box as AVIF, another brand)", TestImages.IsoMedia("heic", 800, 600) },
        { "empty", [] },
        { "a PNG signature cut short", TestImages.Png(1, 1)[..5] },
        { "a RIFF that is not WebP", [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8] },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Anything_else_is_no_image(string what, byte[] bytes)
    {
        Assert.True(ImageFormats.Detect(bytes) is null, what);
    }

    [Fact]
    public void A_header_cut_short_has_no_size_rather_than_failing()
    {
        var png = TestImages.Png(3, 2)[..18];

        Assert.Null(ImageDimensions.Of(ImageFormats.Png, png));
    }
}
