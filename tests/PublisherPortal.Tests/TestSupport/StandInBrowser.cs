using System.Net;
using AngleSharp.Html.Dom;
using PublisherPortal.Testing;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A reader's browser without a browser: keeps cookies, follows redirects one by one within the site, and at a
/// stand-in's sign-in page chooses a test reader, exactly the requests a real browser would send.
/// </summary>
public sealed class StandInBrowser(PortalFactory site)
{
    private readonly TestBrowser _browser = site.NewBrowser();

    private HttpClient Client
    {
        get
        {
            var client = _browser.CreateClient();
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html"); // a browser navigating, not a feed reader
            return client;
        }
    }

    /// <summary>Goes to <paramref name="path"/>; if a stand-in asks who you are, answers <paramref name="reader"/>.</summary>
    public Task<(HttpResponseMessage Response, Uri Url)> NavigateAsync(string path, string? reader = null) =>
        NavigateAsync(new Uri(new Uri(PortalFactory.BaseUrl), path), reader);

    /// <summary>Goes to an absolute URL on the site (e.g. one whose path a relative reference could not express).</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> NavigateAsync(Uri url, string? reader = null)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            var response = await Client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                url = new Uri(url, response.Headers.Location!);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var form = Html.Parse(html).QuerySelector("form button[name=reader]")?.Closest("form") as IHtmlFormElement;
            if (form is null || reader is null)
            {
                return (response, url);
            }

            var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Append(new("reader", reader)).ToList();
            var posted = await Client.PostAsync(new Uri(url, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
            Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
                $"the stand-in answered the sign-in form with {posted.StatusCode}");
            url = new Uri(url, posted.Headers.Location!);
            reader = null; // answer once; a second sign-in page means something went wrong
        }

        throw new InvalidOperationException("Too many redirects from " + url);
    }

    /// <summary>One request, redirects not followed: what the site answers first.</summary>
    public Task<HttpResponseMessage> GetAsync(string pathOrUrl) => Client.GetAsync(pathOrUrl);

    /// <summary>The plan keys the account page shows, in order, comma-separated ("" for none).</summary>
    public async Task<string> PlansShownAsync()
    {
        var (response, url) = await NavigateAsync("/account");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account", url.AbsolutePath);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        return string.Join(",", document.QuerySelectorAll(".plan-keys code").Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal));
    }

    public async Task<bool> IsSignedInAsync()
    {
        var response = await Client.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// Drops a cookie the site set with a lifetime, as the browser would once it ran out (the jar keeps real time; the
    /// site's clock is the test's).
    /// </summary>
    public void Expire(string name)
    {
        foreach (Cookie cookie in _browser.Cookies.GetAllCookies())
        {
            if (cookie.Name == name)
            {
                cookie.Expired = true;
            }
        }
    }

    /// <summary>Forgets the stand-in's own sign-in cookie, as if the provider session ended without telling us.</summary>
    public void ForgetProviderSession(string provider)
    {
        foreach (Cookie cookie in _browser.Cookies.GetAllCookies())
        {
            if (cookie.Path.StartsWith($"/dev/{provider}", StringComparison.Ordinal))
            {
                cookie.Expired = true;
            }
        }
    }
}
