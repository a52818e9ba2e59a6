using System.Net;
using PublisherPortal.Testing;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// One reader's browser (one cookie jar) usable against any instance, as a load balancer would route it, with the
/// test sign-in as a Pliro reader signed by a <see cref="LogoutTokenMinter"/>'s key.
/// </summary>
public sealed class ReaderClient
{
    private readonly TestBrowser _browser = new();

    /// <summary>A client for this reader on <paramref name="instance"/>: the reader's cookies go with every request.</summary>
    public HttpClient On(PortalFactory instance) => _browser.Route(PortalFactory.BaseUrl, instance.Server.CreateHandler()).CreateClient();

    public string? SessionCookie => _browser.Cookies.GetCookies(new Uri(PortalFactory.BaseUrl))["portal.session"]?.Value;

    /// <summary>Puts a session cookie into this browser, as an attacker who can set cookies for the site would.</summary>
    public void PlantSessionCookie(string value) => _browser.Cookies.Add(new Uri(PortalFactory.BaseUrl), new Cookie("portal.session", value, "/"));

    public async Task SignInAsync(PortalFactory instance, string subject, string sessionId, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("provider", "pliro"), new("iss", LogoutTokenMinter.Issuer), new("sub", subject), new("sid", sessionId),
            new("name", "Reader " + subject), new("email", subject + "@example.test"),
        };
        form.AddRange(extra ?? []);
        var response = await On(instance).PostAsync(TestSignIn.Path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Whether the instance sees this reader as signed in (the account page answers instead of redirecting).</summary>
    public async Task<bool> IsSignedInAsync(PortalFactory instance)
    {
        var response = await On(instance).GetAsync("/account");
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal) => false,
            var other => throw new InvalidOperationException($"/account answered {other}"),
        };
    }
}
