using PublisherPortal.Search;

namespace PublisherPortal.Tests.Search;

public sealed class SearchTermsTests
{
    [Fact]
    public void Words_are_split_deduplicated_and_capped()
    {
        Assert.Equal(["harbour", "ferry"], SearchTerms.Split("  harbour   ferry HARBOUR "));
        Assert.Equal(SearchTerms.MaxWords, SearchTerms.Split(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}"))).Count);
        Assert.Empty(SearchTerms.Split("   "));
        Assert.Empty(SearchTerms.Split(null));
    }

    [Fact]
    public void Like_wildcards_in_reader_input_are_escaped() =>
        Assert.Equal("100\\%\\_x\\\\", SearchTerms.EscapeLike("100%_x\\"));
}
