using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Images;

namespace PublisherPortal.Tests.Media;

/// <summary>
/// Instances behind the proxy share one database and nothing else: an image uploaded through one instance is served
/// by another, on PostgreSQL as in production (where the upload's transaction runs under the retrying strategy).
/// </summary>
public sealed class SharedMediaTests
{
    [Fact]
    public async Task An_image_uploaded_on_one_instance_is_served_by_another_on_postgresql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var setup = PortalSetup.Offline.With("Database:Provider", "Postgres").With("ConnectionStrings:Portal", database.ConnectionString);
        using var a = new PortalFactory(setup);
        _ = a.Services; // A migrates and seeds the shared database first
        using var b = new PortalFactory(setup);
        var png = TestImages.Png(20, 10);

        var upload = await a.Services.GetRequiredService<ImageUploads>().UploadAsync(await StaffActing.AdminAsync(a.Services), new MemoryStream(png), default);
        var served = await b.CreateReader().GetAsync(upload.Path);

        Assert.True(upload.Result.Succeeded, upload.Result.Message);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
    }
}
