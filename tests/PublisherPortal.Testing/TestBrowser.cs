using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PublisherPortal.Testing;

/// <summary>
/// A reader's browser over in-process servers: one cookie jar (path-scoped, <c>Secure</c> honoured), one server per
/// base URL. <see cref="SendAsync"/>, <see cref="GetAsync"/> and <see cref="PostFormAsync"/> make one request and show
/// its answer, so each protocol step stays visible; <see cref="NavigateAsync"/> follows redirects and submits
/// <c>form_post</c> pages to the end, as a browser would.
/// </summary>
public sealed partial class TestBrowser : IDisposable
{
    private readonly Dictionary<string, HttpMessageInvoker> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private Uri? _defaultBase;

    public CookieContainer Cookies { get; } = new();

    private readonly List<Uri> _visited = [];

    /// <summary>Every URL the browser requested, in order.</summary>
    public IReadOnlyList<Uri> Visited
    {
        get
        {
            lock (_visited)
            {
                return [.. _visited];
            }
        }
    }

    /// <summary>Serves <paramref name="baseUrl"/>'s host from <paramref name="handler"/>. The first route is the base of relative URLs.</summary>
    public TestBrowser Route(string baseUrl, HttpMessageHandler handler)
    {
        var uri = new Uri(baseUrl);
        _hosts[uri.Authority] = new HttpMessageInvoker(handler, disposeHandler: false);
        _defaultBase ??= uri;
        return this;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        return await SendAsync(request);
    }

    /// <summary>Sends a request as this browser: its cookies go with it, the answer's cookies are kept.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var url = request.RequestUri = Absolute(request.RequestUri ?? throw new ArgumentException("The request has no URL.", nameof(request)));
        lock (_visited)
        {
            _visited.Add(url);
        }

        var cookieHeader = Cookies.GetCookieHeader(url);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", cookieHeader);
        }

        if (!_hosts.TryGetValue(url.Authority, out var host))
        {
            throw new InvalidOperationException($"The test browser has no route to {url.Authority}.");
        }

        var response = await host.SendAsync(request, CancellationToken.None);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(url, setCookie);
            }
        }

        return response;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> whose requests go through this browser (its cookie jar and routes), one request at
    /// a time, redirects not followed: for tests that want a plain client but one shared jar.
    /// </summary>
    public HttpClient CreateClient() => new(new ThroughBrowser(this)) { BaseAddress = _defaultBase };

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(HttpMethod.Post, new Uri(url, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields));

    /// <summary>Requests <paramref name="url"/> and follows redirects (and form_post pages) to the end.</summary>
    public async Task<Page> NavigateAsync(string url)
    {
        var current = Absolute(new Uri(url, UriKind.RelativeOrAbsolute));
        var response = await SendAsync(HttpMethod.Get, current);
        for (var hops = 0; hops < 20; hops++)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
            {
                current = new Uri(current, response.Headers.Location!);
                response.Dispose();
                response = await SendAsync(HttpMethod.Get, current);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            if (AutoPostForm().Match(body) is { Success: true } form)
            {
                var fields = HiddenInput().Matches(form.Groups["inputs"].Value)
                    .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                current = new Uri(WebUtility.HtmlDecode(form.Groups["action"].Value));
                response.Dispose();
                response = await SendAsync(HttpMethod.Post, current, new FormUrlEncodedContent(fields));
                continue;
            }

            var page = new Page(current, response.StatusCode, body);
            response.Dispose();
            return page;
        }

        throw new InvalidOperationException("Too many redirects");
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the form that holds the button <paramref name="buttonName"/>=<paramref name="buttonValue"/>.</summary>
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

    public bool HasCookie(string baseUrl, string namePrefix) =>
        Cookies.GetCookies(new Uri(baseUrl)).Any(c => c.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var host in _hosts.Values)
        {
            host.Dispose();
        }
    }

    private sealed class ThroughBrowser(TestBrowser browser) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            browser.SendAsync(request);
    }

    private Uri Absolute(Uri url) => url.IsAbsoluteUri
        ? url
        : new Uri(_defaultBase ?? throw new InvalidOperationException("A relative URL needs a route first."), url);

    [GeneratedRegex("<body onload=\"document.forms\\[0\\].submit\\(\\)\"><form method=\"post\" action=\"(?<action>[^\"]+)\">(?<inputs>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"/>")]
    private static partial Regex HiddenInput();
}
