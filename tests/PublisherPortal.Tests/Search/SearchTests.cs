using System.Net;
using PublisherPortal.Articles;

namespace PublisherPortal.Tests.Search;

[Collection(PortalCollection.Name)]
public sealed class SearchTests(DemoSite portal)
{
    private readonly HttpClient _reader = portal.CreateReader();

    [Fact]
    public async Task Finds_a_story_by_words_in_its_headline()
    {
        var article = portal.LiveGated()[0];
        var results = await SearchAsync(article.Title);
        Assert.Contains(article.Slug, results);
    }

    [Fact]
    public async Task Finds_a_public_story_by_words_deep_in_its_body()
    {
        var article = portal.LivePublic();
        var phrase = article.Body.Split("\n\n").Last(p => !p.StartsWith('#') && !p.StartsWith('>') && !p.StartsWith('-') && !p.Contains('['))
            .Split(' ').Skip(2).Take(4);
        var results = await SearchAsync(string.Join(' ', phrase).Trim('.', ',', ';', ':', '"'));
        Assert.Contains(article.Slug, results);
    }

    [Fact]
    public async Task Never_matches_gated_body_text_for_a_reader_who_may_not_read_it()
    {
        foreach (var article in portal.LiveGated().Take(8))
        {
            var sentence = portal.Demo.GatedSentences[article.Slug];
            var (response, body, document) = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(sentence.TrimEnd('.')));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(article.Slug, body);
            Assert.Empty(document.QuerySelectorAll(".article-list .card"));
        }
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_ * \"")]
    public async Task Punctuation_alone_is_no_search_and_asks_for_words(string q)
    {
        var (response, _, document) = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Type a few words", document.QuerySelector(".empty")?.TextContent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("41")]
    [InlineData("two")]
    public async Task A_page_number_out_of_range_is_a_400(string page)
    {
        var response = await _reader.GetAsync("/search?q=harbour&page=" + page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_query_shows_a_prompt_not_an_error()
    {
        var (response, _, document) = await _reader.GetPageAsync("/search?q=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Type a few words", document.QuerySelector(".empty")?.TextContent);
    }

    private async Task<List<string>> SearchAsync(string q)
    {
        var (_, _, document) = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
        return document.QuerySelectorAll(".article-list .card__title a").Select(a => a.GetAttribute("href")!.Replace("/articles/", "")).ToList();
    }
}
