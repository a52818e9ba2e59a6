using PublisherPortal.Search;

namespace PublisherPortal.Tests.Search;

/// <summary>What a reader types becomes words, phrases and prefixes; only letters and digits reach any engine's syntax.</summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void Words_phrases_and_prefixes_are_told_apart_deduplicated_and_capped()
    {
        var query = SearchQuery.Parse("  Harbour \"night ferry\" harb*  HARBOUR ");

        Assert.Equal(3, query.Terms.Count);
        Assert.Equal(["harbour"], query.Terms[0].Words);
        Assert.Equal(["night", "ferry"], query.Terms[1].Words);
        Assert.True(query.Terms[1].IsPhrase);
        Assert.Equal(["harb"], query.Terms[2].Words);
        Assert.True(query.Terms[2].Prefix);
        Assert.Equal(SearchQuery.MaxTerms, SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}"))).Terms.Count);
        Assert.True(SearchQuery.Parse("   ").IsEmpty);
        Assert.True(SearchQuery.Parse(null).IsEmpty);
        Assert.True(SearchQuery.Parse("% _ ' \" * & | !").IsEmpty);
    }

    [Fact]
    public void A_word_with_inner_punctuation_is_a_phrase_of_its_parts_and_keeps_its_text_for_like()
    {
        var term = Assert.Single(SearchQuery.Parse("HG-101-abc").Terms);

        Assert.Equal(["hg", "101", "abc"], term.Words);
        Assert.Equal("hg-101-abc", term.Text);
    }

    [Fact]
    public void A_one_letter_prefix_is_searched_as_a_word()
    {
        Assert.False(Assert.Single(SearchQuery.Parse("a*").Terms).Prefix);
    }

    [Theory]
    [InlineData("harbour \"night ferry\" harb*", "'harbour' & ('night' <-> 'ferry') & 'harb':*")]
    [InlineData("it's ') | !'x':* & (", "('it' <-> 's') & 'x'")]
    public void Postgres_gets_quoted_words_and_operators_only(string typed, string tsquery) =>
        Assert.Equal(tsquery, PostgresSearchIndex.TsQuery(SearchQuery.Parse(typed)));

    [Theory]
    [InlineData("harbour \"night ferry\" harb*", "\"harbour\" AND \"night ferry\" AND \"harb\" *")]
    [InlineData("Title:x NEAR(\"a\" OR) {Body}", "\"title x\" AND \"near\" AND \"a\" AND \"or\" AND \"body\"")]
    public void Sqlite_gets_quoted_words_and_operators_only(string typed, string match)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Equal(match, SqliteSearchIndex.Match(query));
        Assert.Equal("{Title Summary} : (" + match + ")", SqliteSearchIndex.HeadlineMatch(query));
    }

    [Fact]
    public void Like_wildcards_in_reader_input_are_escaped() =>
        Assert.Equal("100\\%\\_x\\\\", SearchTerms.EscapeLike("100%_x\\"));

    [Fact]
    public void An_excerpt_is_encoded_and_only_the_engines_marks_become_html()
    {
        var html = SearchSnippet.ToHtml($"<script>x</script> the {SearchSnippet.Start}harbour{SearchSnippet.Stop} [pier](https://e.x/y) **now** {SearchSnippet.Stop}{SearchSnippet.Start}open");

        Assert.Equal("&lt;script&gt;x&lt;/script&gt; the <mark>harbour</mark> pier now <mark>open</mark>", html);
    }
}
