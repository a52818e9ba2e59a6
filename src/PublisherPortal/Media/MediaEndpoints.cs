using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Media;

public static class MediaEndpoints
{
    /// <summary>
    /// One year, immutable: an id never gets other bytes (<see cref="StoredImage"/>), so a browser or proxy that has
    /// the image never needs to ask again.
    /// </summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>
    /// <c>GET /media/{id}</c>, with or without an extension: the stored bytes under their stored content type, by one
    /// primary-key read. <c>nosniff</c> and the strict content security policy come from <see cref="SecurityHeaders"/>,
    /// as on every answer, so a browser never reads an image as a page; HEAD is GET without the body
    /// (<see cref="HeadRequests"/>); an unknown id is the site's 404.
    /// </summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        foreach (var pattern in (string[])[$"{MediaPaths.Prefix}/{{id:guid}}", $"{MediaPaths.Prefix}/{{id:guid}}.{{extension:alpha:maxlength(4)}}"])
        {
            endpoints.MapGet(pattern, ServeAsync).WithMetadata(new SameForEveryoneAttribute());
        }

        return endpoints;
    }

    private static async Task<IResult> ServeAsync(Guid id, PortalDbContext db, HttpContext context, CancellationToken ct)
    {
        var image = await db.StoredImages.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.ContentType, i.Sha256, i.Bytes, i.UploadedAt })
            .SingleOrDefaultAsync(ct);
        if (image is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ContentDisposition = "inline";
        // Results.File answers If-None-Match and If-Modified-Since with 304 and serves ranges.
        return Results.File(image.Bytes, image.ContentType, lastModified: image.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{image.Sha256}\""), enableRangeProcessing: true);
    }
}
