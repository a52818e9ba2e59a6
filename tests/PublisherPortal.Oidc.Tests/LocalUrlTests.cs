namespace PublisherPortal.Oidc.Tests;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/x?y=1#z")]
    [InlineData("/a/\\b")]
    [InlineData("/%2F%2Fevil.example")]
    public void Local_paths_are_followed_as_given(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/ok\r\nSet-Cookie: x=y")]
    [InlineData("articles/x")]
    [InlineData(" /x")]
    public void Anything_else_becomes_the_front_page(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));

    [Theory]
    [InlineData("/\u3002x", "/%E3%80%82x")]
    [InlineData("/\uFF0F\uFF0Fx", "/%EF%BC%8F%EF%BC%8Fx")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/\U0001F600", "/%F0%9F%98%80")]
    public void Non_ascii_paths_are_percent_encoded_so_a_location_header_can_carry_them(string url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(url));

    [Fact]
    public void The_fallback_is_used_for_a_foreign_url() => Assert.Equal("/signed-out", LocalUrl.OrDefault("//evil.example", "/signed-out"));
}
