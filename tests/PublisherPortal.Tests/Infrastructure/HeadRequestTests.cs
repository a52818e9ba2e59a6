using System.Net;

namespace PublisherPortal.Tests.Infrastructure;

/// <summary>HEAD answers as GET does, without a body (RFC 9110 §9.3.2): link checkers and caches ask with it.</summary>
public sealed class HeadRequestTests(DemoSite portal) : IClassFixture<DemoSite>
{
    public static TheoryData<string> Paths => new() { "/", "/sections/news", "/rss.xml", "/sitemap.xml", "/robots.txt", "/search?q=harbour" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_head_request_gets_the_status_and_headers_of_a_get_and_no_body(string path)
    {
        var client = portal.CreateReader();
        var get = await client.GetAsync(path);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_request_for_an_article_answers_like_its_page()
    {
        var slug = portal.LivePublic().Slug;

        var head = await portal.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/articles/{slug}"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_request_for_a_missing_page_is_a_404()
    {
        var head = await portal.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/no-such-story"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }
}
