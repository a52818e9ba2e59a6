using System.Net;

namespace PublisherPortal.Tests.Infrastructure;

/// <summary>An answer that sets a cookie is one person's: no cache may keep it, whoever asked (docs/operations.md).</summary>
public sealed class CookieCachingTests
{
    [Fact]
    public async Task Starting_a_visitors_sign_in_sets_a_cookie_on_an_answer_no_cache_may_keep()
    {
        using var portal = new PortalFactory(PortalSetup.Offline);

        // The correlation cookie of a sign-in, on the visitor's redirect to the provider.
        var response = await portal.CreateReader().GetAsync("/account/login?provider=pliro&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.Contains("Set-Cookie"));
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true }, response.Headers.CacheControl?.ToString());
    }
}
