using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Images;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;
using PublisherPortal.Tests.Media;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>
/// Uploading a hero image through the service the editor calls: who may, what is stored (only images, judged by their
/// bytes, within the size setting), that it is audited, and that the same file is stored once.
/// </summary>
public sealed class ImageUploadTests(StaffSite site) : IClassFixture<StaffSite>
{
    private ImageUploads Uploads => site.Services.GetRequiredService<ImageUploads>();

    [Fact]
    public async Task An_editors_png_is_stored_with_its_type_size_hash_and_uploader_and_the_upload_is_audited()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var png = TestImages.Png(37, 21);
        var audited = await site.AuditCountAsync(AuditActions.ImageUpload);

        var upload = await Uploads.UploadAsync(editor, new MemoryStream(png), default);

        Assert.True(upload.Result.Succeeded, upload.Result.Message);
        Assert.Matches("^/media/[0-9a-f-]{36}\\.png$", upload.Path);
        var id = Guid.Parse(upload.Path![7..43]);
        var stored = await site.DbAsync(db => db.StoredImages.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(png, stored.Bytes);
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), stored.Sha256);
        Assert.Equal((png.Length, 37, 21), (stored.ByteLength, stored.Width!.Value, stored.Height!.Value));
        Assert.Equal("Staff editor", stored.UploadedByName);
        Assert.Equal(site.Now.UtcDateTime, stored.UploadedAt);
        Assert.Equal(audited + 1, await site.AuditCountAsync(AuditActions.ImageUpload));
        Assert.True(await site.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ImageUpload && e.Target == $"image {id}" && e.ActorName == "Staff editor")));
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_stored_once_and_both_uploads_get_its_address()
    {
        var contributor = await (await site.PersonaAsync("contributor")).PrincipalAsync();
        var jpeg = TestImages.Jpeg(1024, 768).Concat(RandomNumberGenerator.GetBytes(64)).ToArray();

        var first = await Uploads.UploadAsync(contributor, new MemoryStream(jpeg), default);
        var second = await Uploads.UploadAsync(contributor, new MemoryStream(jpeg), default);

        Assert.True(second.Result.Succeeded, second.Result.Message);
        Assert.Equal(first.Path, second.Path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        Assert.Equal(1, await site.DbAsync(db => db.StoredImages.CountAsync(i => i.Sha256 == sha)));
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "SVG (script inside)", TestImages.Svg, "not a JPEG, PNG, WebP, GIF or AVIF image" },
        { "HTML", TestImages.Html, "not a JPEG, PNG, WebP, GIF or AVIF image" },
        { "empty", [], "The file is empty" },
        { "one byte over 5 MiB, with a PNG's signature", [.. TestImages.Png(1, 1), .. new byte[5 * 1024 * 1024 + 1 - TestImages.Png(1, 1).Length]], "larger than 5 MiB" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_an_image_is_empty_or_too_large_is_refused_in_words_and_nothing_is_stored(string what, byte[] bytes, string why)
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var stored = await site.DbAsync(db => db.StoredImages.CountAsync());
        var audited = await site.AuditCountAsync(AuditActions.ImageUpload);

        var upload = await Uploads.UploadAsync(editor, new MemoryStream(bytes), default);

        Assert.True(upload.Result.Outcome == StaffOutcome.Invalid, $"{what}: {upload.Result.Message}");
        Assert.Contains(why, upload.Result.Message);
        Assert.Contains("Nothing was stored", upload.Result.Message);
        Assert.Null(upload.Path);
        Assert.Equal(stored, await site.DbAsync(db => db.StoredImages.CountAsync()));
        Assert.Equal(audited, await site.AuditCountAsync(AuditActions.ImageUpload));
    }

    [Fact]
    public async Task An_image_of_exactly_the_largest_size_is_stored()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var png = TestImages.Png(1, 1);
        byte[] largest = [.. png, .. RandomNumberGenerator.GetBytes(5 * 1024 * 1024 - png.Length)];

        var upload = await Uploads.UploadAsync(editor, new MemoryStream(largest), default);

        Assert.True(upload.Result.Succeeded, upload.Result.Message);
    }

    [Fact]
    public async Task The_size_refusal_names_the_limit_and_its_setting()
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();

        var upload = await Uploads.UploadAsync(editor, new MemoryStream([.. TestImages.Png(1, 1), .. new byte[5 * 1024 * 1024]]), default);

        Assert.Contains("5 MiB", upload.Result.Message);
        Assert.Contains("Newsroom:MaxImageBytes", upload.Result.Message);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("reader")]
    public async Task Someone_without_a_staff_role_is_refused_and_nothing_is_stored(string persona)
    {
        var who = await (await site.PersonaAsync(persona)).PrincipalAsync();
        var stored = await site.DbAsync(db => db.StoredImages.CountAsync());

        var upload = await Uploads.UploadAsync(who, new MemoryStream(TestImages.Png(2, 2)), default);

        Assert.Equal(StaffOutcome.Refused, upload.Result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(upload.Result.Message));
        Assert.Equal(stored, await site.DbAsync(db => db.StoredImages.CountAsync()));
    }
}
