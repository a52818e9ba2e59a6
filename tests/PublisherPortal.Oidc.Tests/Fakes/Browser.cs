using System.Net;
using System.Text.RegularExpressions;

namespace PublisherPortal.Oidc.Tests.Fakes;

/// <summary>
/// The reader's browser: keeps cookies per host (honouring Secure), follows redirects one by one across
/// in-process servers, and submits form_post pages the way a browser's onload script would.
/// </summary>
public sealed partial class Browser
{
    private readonly Dictionary<string, HttpMessageInvoker> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every URL the browser requested, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public Browser Route(string baseUrl, HttpMessageHandler handler)
    {
        _hosts[new Uri(baseUrl).Authority] = new HttpMessageInvoker(handler);
        return this;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content = null)
    {
        Visited.Add(url);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var cookieHeader = Cookies.GetCookieHeader(url);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }
        var response = await _hosts[url.Authority].SendAsync(request, CancellationToken.None);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(url, setCookie);
            }
        }
        return response;
    }

    /// <summary>Requests <paramref name="url"/> and follows redirects (and form_post pages) to the end.</summary>
    public async Task<Page> NavigateAsync(string url)
    {
        var current = new Uri(url);
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

    public bool HasCookie(string baseUrl, string namePrefix) =>
        Cookies.GetCookies(new Uri(baseUrl)).Any(c => c.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    [GeneratedRegex("<body onload=\"document.forms\\[0\\].submit\\(\\)\"><form method=\"post\" action=\"(?<action>[^\"]+)\">(?<inputs>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"/>")]
    private static partial Regex HiddenInput();
}

/// <summary>Where the browser ended up.</summary>
public sealed record Page(Uri Url, HttpStatusCode Status, string Body)
{
    public string Path => Url.AbsolutePath;

    public string? Query(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Url.Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
