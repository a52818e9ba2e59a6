using PublisherPortal.Infrastructure;

namespace PublisherPortal.Tests.Unit;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/x?y=1#z")]
    public void Local_paths_are_followed(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/ok\r\nSet-Cookie: x=y")]
    [InlineData("articles/x")]
    public void Anything_else_becomes_the_front_page(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));
}
