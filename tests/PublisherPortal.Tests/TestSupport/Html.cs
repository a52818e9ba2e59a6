using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PublisherPortal.Tests.TestSupport;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Document)> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, Parse(body));
    }
}
