using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PublisherPortal.Tests.Infrastructure;

/// <summary>What Production adds on top of the defaults a newcomer runs with on http://localhost.</summary>
public sealed class ProductionHardeningTests : IDisposable
{
    private const string HttpsBaseUrl = "https://portal.test";
    private readonly LogoutTokenMinter _minter = new();
    // Production refuses to start without a certificate to encrypt the Data Protection keys with.
    private readonly TestCertificate _certificate = TestCertificate.Rsa();
    private readonly PortalFactory _portal;

    public ProductionHardeningTests() => _portal = new PortalFactory((PortalSetup.Pliro(_minter) with { Environment = "Production" })
        .With("Portal:BaseUrl", HttpsBaseUrl)
        .With(_certificate.Settings));

    [Fact]
    public async Task Session_and_antiforgery_cookies_carry_the_host_prefix_and_are_secure()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(HttpsBaseUrl), AllowAutoRedirect = false });
        var signIn = await client.PostAsync(TestSignIn.Path, new FormUrlEncodedContent(
            [new("provider", "pliro"), new("iss", LogoutTokenMinter.Issuer), new("sub", "cus_host"), new("sid", "sid-host")]));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-portal.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);

        var account = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account") { Headers = { { "Cookie", session.Split(';')[0] } } });
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains(account.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-portal.antiforgery=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forms_may_lead_only_to_this_site_and_the_configured_providers()
    {
        var response = await _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(HttpsBaseUrl) }).GetAsync("/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var formAction = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("form-action", StringComparison.Ordinal));
        Assert.Equal($"form-action 'self' {LogoutTokenMinter.Issuer}", formAction);
    }

    public void Dispose()
    {
        _portal.Dispose();
        _certificate.Dispose();
    }
}
