using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PublisherPortal.DevProviders.Tests.Infrastructure;

/// <summary>
/// A minimal browser over the TestServer: keeps cookies (path-scoped, like a real one), never follows redirects,
/// and can submit the forms of a page, so each protocol step is visible to the test.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient _client;

    public Browser(HttpMessageHandler serverHandler, Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new CookieHandler(Cookies) { InnerHandler = serverHandler }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(url, new FormUrlEncodedContent(fields));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the form that holds the button with <paramref name="buttonName"/>=<paramref name="buttonValue"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string buttonName, string buttonValue)
    {
        var button = page.QuerySelectorAll("button")
            .OfType<IHtmlButtonElement>()
            .FirstOrDefault(b => b.Name == buttonName && b.Value == buttonValue)
            ?? throw new InvalidOperationException($"No button {buttonName}={buttonValue} on the page:\n{page.Body?.TextContent}");
        var form = (IHtmlFormElement)button.Closest("form")!;
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new(buttonName, buttonValue));
        return await PostFormAsync(form.GetAttribute("action")!, fields);
    }

    public void Dispose() => _client.Dispose();

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var value in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}
