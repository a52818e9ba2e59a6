using System.Net;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// Sign-in start, the providers' callbacks, back-channel logout and search are limited per client address: beyond the
/// allowance, 429 with Retry-After and a short sentence; other pages are not limited. (Per address behind nginx:
/// Scaling/NginxDeploymentTests.)
/// </summary>
public sealed class RateLimitTests
{
    [Theory]
    [InlineData("RateLimits:Search", "GET", "/search?q=harbour")]
    [InlineData("RateLimits:SignIn", "GET", "/account/login?provider=pliro")]
    [InlineData("RateLimits:SignIn", "GET", "/signin-pliro?code=x&state=y")]
    [InlineData("RateLimits:SignIn", "GET", "/signout-callback-pliro?state=y")]
    [InlineData("RateLimits:BackchannelLogout", "POST", "/backchannel-logout/pliro")]
    public async Task Beyond_the_allowance_the_answer_is_429_with_retry_after(string limit, string method, string path)
    {
        using var portal = new PortalFactory(PortalSetup.Offline.With($"{limit}:PermitLimit", "3").With($"{limit}:Window", "00:01:00"));
        var reader = portal.CreateReader();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(reader, method, path)).StatusCode);
        }

        var limited = await SendAsync(reader, method, path);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync());

        // Reading goes on: the front page and the sign-in chooser are not limited.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task A_limit_of_zero_is_off()
    {
        using var portal = new PortalFactory(PortalSetup.Offline.With("RateLimits:Search:PermitLimit", "0"));
        var reader = portal.CreateReader();
        for (var i = 0; i < 70; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/search?q=harbour")).StatusCode);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "POST"
            ? client.PostAsync(path, new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", "x.y.z")]))
            : client.GetAsync(path);
}
