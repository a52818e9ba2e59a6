using PublisherPortal.Articles;
using PublisherPortal.Components.Shared;

using PublisherPortal.Articles.Components;

namespace PublisherPortal.Tests.Articles.Components;

public sealed class BylineTests
{
    [Theory]
    [InlineData(1, "By Ana Berg")]
    [InlineData(2, "By Ana Berg and Ben Cho")]
    [InlineData(3, "By Ana Berg, Ben Cho and Cy Dee")]
    public async Task Names_are_joined_as_a_reader_would_write_them(int count, string expected)
    {
        AuthorRef[] all = [new("Ana Berg", "ana-berg", null), new("Ben Cho", "ben-cho", null), new("Cy Dee", "cy-dee", null)];
        var document = await ComponentRenderer.RenderAsync<Byline>(new Dictionary<string, object?> { [nameof(Byline.Authors)] = all.Take(count).ToList() });
        Assert.Equal(expected, string.Join(' ', document.Body!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ","));
        Assert.Equal(all.Take(count).Select(a => $"/authors/{a.Slug}"), document.QuerySelectorAll("a[rel=author]").Select(a => a.GetAttribute("href")));
    }
}
