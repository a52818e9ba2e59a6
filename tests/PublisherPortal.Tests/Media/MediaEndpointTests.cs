using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Newsroom.Images;

namespace PublisherPortal.Tests.Media;

/// <summary>
/// <c>GET /media/{id}</c> through the whole pipeline: the stored bytes under the stored type, never sniffed, cached for
/// a year by anyone (signed in or not), HEAD and conditional requests, and the site's 404 for an id it never stored.
/// </summary>
public sealed class MediaEndpointTests(StaffSite site) : IClassFixture<StaffSite>
{
    private async Task<(string Path, byte[] Bytes)> UploadAsync(byte[] bytes)
    {
        var editor = await (await site.PersonaAsync("editor")).PrincipalAsync();
        var upload = await site.Services.GetRequiredService<ImageUploads>().UploadAsync(editor, new MemoryStream(bytes), default);
        Assert.True(upload.Result.Succeeded, upload.Result.Message);
        return (upload.Path!, bytes);
    }

    public static TheoryData<string, byte[], string> Images => new()
    {
        { "png", TestImages.Png(16, 9), "image/png" },
        { "jpg", [.. TestImages.Jpeg(1600, 900), .. Guid.NewGuid().ToByteArray()], "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task An_uploaded_image_comes_back_byte_for_byte_with_its_type_never_sniffed_and_cached_for_a_year(string extension, byte[] bytes, string contentType)
    {
        var (path, _) = await UploadAsync(bytes);
        Assert.EndsWith("." + extension, path);

        foreach (var address in new[] { path, path[..path.LastIndexOf('.')] })
        {
            var response = await site.CreateReader().GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_signed_in_reader_gets_the_same_public_year_long_caching_as_everyone()
    {
        var (path, _) = await UploadAsync(TestImages.Png(4, 4));
        var reader = await site.PersonaAsync("reader");

        var response = await reader.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_image_answer_that_renews_the_readers_session_cookie_is_never_cacheable_by_anyone_else()
    {
        var (path, _) = await UploadAsync(TestImages.Png(6, 6));
        var reader = await site.PersonaAsync("reader");
        // Past half the session's idle timeout, the next request slides it: the answer carries a new session cookie.
        site.Clock.Advance(site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublisherPortal.Sessions.SessionOptions>>().Value.IdleTimeout * 0.6);

        var response = await reader.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Set-Cookie"), "the session cookie was expected to be renewed on this request");
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_head_request_gets_the_headers_without_the_bytes_and_a_known_etag_gets_304()
    {
        var (path, bytes) = await UploadAsync(TestImages.Png(5, 5));
        var client = site.CreateReader();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var etag = head.Headers.ETag!;
        var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var again = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/media/00000000-0000-0000-0000-000000000001")]
    [InlineData("/media/00000000-0000-0000-0000-000000000001.png")]
    public async Task An_id_never_stored_is_a_404(string path)
    {
        var response = await site.CreateReader().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
