using PublisherPortal.Articles;

namespace PublisherPortal.Tests.Articles;

public sealed class PageCursorTests
{
    [Fact]
    public void A_cursor_survives_encoding_and_parsing()
    {
        var cursor = new PageCursor(new DateTime(2026, 11, 3, 8, 15, 42, 123, DateTimeKind.Utc), 4711);
        Assert.True(PageCursor.TryParse(cursor.Encode(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.PublishedAt.Kind);
    }

    [Theory]
    [InlineData("not-a-cursor!")]
    [InlineData("MTIz")] // "123": no separator
    [InlineData("LTEuNQ")] // "-1.5": sign not allowed
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ")] // ticks beyond DateTime.MaxValue
    [InlineData("MTIzLjA")] // id 0
    [InlineData("")]
    public void Malformed_cursors_are_refused(string value) => Assert.False(PageCursor.TryParse(value, out _));

    [Fact]
    public void Overlong_input_is_refused_before_decoding() => Assert.False(PageCursor.TryParse(new string('A', 500), out _));
}
