using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;
using PublisherPortal.Media;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Newsroom.Images;

/// <summary>
/// Stores an image a staff member uploads, for a story's hero image. Anyone who may write a draft may upload
/// (<see cref="StaffGate"/>, Contributor). Everything is checked here, whatever the editor's file picker allowed: at
/// most <see cref="NewsroomOptions.MaxImageBytes"/>, not empty, and an image by its own bytes (<see cref="ImageFormats"/>).
/// A refused file stores nothing. The row and its audit entry are written in one transaction.
/// </summary>
public sealed class ImageUploads(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, AuditLog audit, IOptions<NewsroomOptions> options, TimeProvider clock)
{
    public int MaxBytes => options.Value.MaxImageBytes;

    public async Task<ImageUpload> UploadAsync(ClaimsPrincipal user, Stream content, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is not { } actor)
        {
            return new ImageUpload(decision.Refused());
        }

        var bytes = await ReadAsync(content, ct);
        if (bytes is null)
        {
            return Invalid($"The image is larger than {Size(MaxBytes)}, the most the newsroom stores (Newsroom:MaxImageBytes). Make it smaller and upload it again.");
        }

        if (bytes.Length == 0)
        {
            return Invalid("The file is empty.");
        }

        if (ImageFormats.Detect(bytes) is not { } format)
        {
            return Invalid("This file is not a JPEG, PNG, WebP, GIF or AVIF image (judged by its content, not its name). SVG is refused: it can carry script.");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var size = ImageDimensions.Of(format, bytes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = await db.InTransactionAsync(async transaction =>
        {
            var stored = await db.StoredImages.Where(i => i.Sha256 == sha256 && i.ByteLength == bytes.Length).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            var image = stored ?? Add(db, actor, bytes, format, sha256, size);
            audit.Record(db, actor, AuditActions.ImageUpload, $"image {image}", null,
                $"{format.Name}, {bytes.Length} bytes{(size is { } px ? $", {px.Width}×{px.Height}" : "")}, SHA-256 {sha256}{(stored is null ? "" : ", already stored")}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return image;
        }, ct);

        var path = MediaPaths.Of(id, format);
        return new ImageUpload(StaffResult.Done($"Uploaded the image ({format.Name}{(size is { } s ? $", {s.Width}×{s.Height} pixels" : "")}). Describe it in the alt text."), path);
    }

    private Guid Add(PortalDbContext db, StaffActor actor, byte[] bytes, ImageFormat format, string sha256, (int Width, int Height)? size)
    {
        var now = clock.GetUtcNow();
        var image = new StoredImage
        {
            Id = Guid.CreateVersion7(now),
            ContentType = format.ContentType,
            Bytes = bytes,
            Sha256 = sha256,
            ByteLength = bytes.Length,
            Width = size?.Width,
            Height = size?.Height,
            UploadedAt = now.UtcDateTime,
            UploadedByIssuer = actor.Issuer,
            UploadedBySubject = actor.Subject,
            UploadedByName = actor.Name,
        };
        db.StoredImages.Add(image);
        return image.Id;
    }

    /// <summary>The whole file, or null as soon as it holds more than the limit: an over-size file is never read to its end.</summary>
    private async Task<byte[]?> ReadAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        try
        {
            await content.CopyToAsync(new LimitedWriteStream(buffer, MaxBytes), ct);
        }
        catch (LimitedWriteStream.LimitExceededException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static ImageUpload Invalid(string why) => new(StaffResult.Invalid(why + " Nothing was stored."));

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MiB"
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
