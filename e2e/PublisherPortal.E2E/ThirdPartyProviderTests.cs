using Microsoft.Playwright;
using PublisherPortal.E2E.Infrastructure;

namespace PublisherPortal.E2E;

/// <summary>
/// Sign-in against a real, OpenID Certified provider (node oidc-provider) set up like Pliro: ES256 keys, plan and sid
/// claims, client_secret_basic, RP-initiated logout. Proves the relying party interoperates beyond our own fakes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThirdPartyProviderTests(Chromium chromium) : IAsyncLifetime
{
    private const string ClientId = "portal-e2e";
    private const string ClientSecret = "e2e-client-secret-not-used-elsewhere";
    private OidcProviderProcess _provider = null!;
    private ThirdPartyPortal _portal = null!;

    public async Task InitializeAsync()
    {
        var port = LivePortal.FreePort();
        var portalUrl = $"http://127.0.0.1:{port}";
        _provider = await OidcProviderProcess.StartAsync(new Dictionary<string, string>
        {
            ["OP_CLIENT_ID"] = ClientId,
            ["OP_CLIENT_SECRET"] = ClientSecret,
            ["OP_REDIRECT_URI"] = $"{portalUrl}/signin-op",
            ["OP_POST_LOGOUT_REDIRECT_URI"] = $"{portalUrl}/signout-callback-op",
        });
        _portal = new ThirdPartyPortal(port, _provider.Issuer);
    }

    public async Task DisposeAsync()
    {
        _portal.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_reader_signs_in_at_a_certified_provider_and_signs_out_through_its_end_session_endpoint()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account");
        await page.WaitForURLAsync("**/account/login?returnUrl=%2Faccount");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Pliro-like provider" }).ClickAsync();

        await page.Locator("input[name=login]").FillAsync("premium-reader");
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.Locator("button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(_portal.BaseUrl + "/account");
        var facts = page.Locator(".account-facts");
        await Assertions.Expect(facts).ToContainTextAsync("Premium Reader");
        await Assertions.Expect(facts).ToContainTextAsync("premium-reader@example.test");
        await Assertions.Expect(facts.Locator(".plan-keys")).ToContainTextAsync("premium");
        await Assertions.Expect(page.Locator(".masthead__reader")).ToHaveTextAsync("Premium Reader");

        // Sign out: local session first, then the provider's end_session with id_token_hint, then back here.
        var endSessionSeen = false;
        page.Request += (_, request) => endSessionSeen |= request.Url.StartsWith(_provider.Issuer + "/oauth/end_session", StringComparison.Ordinal)
            && request.Url.Contains("id_token_hint=", StringComparison.Ordinal);
        await page.Locator(".account-box").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(_portal.BaseUrl + "/");
        Assert.True(endSessionSeen, "the portal did not send the reader to the provider's end_session endpoint with an id_token_hint");
        await Assertions.Expect(page.Locator(".masthead").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Signed out at the provider too: signing in again asks for the password again.
        await page.GotoAsync("/account/login?provider=op&returnUrl=%2F");
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    private sealed class ThirdPartyPortal(int port, string issuer) : LivePortal(port)
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Providers:op:Type"] = "Pliro";
                settings["Providers:op:DisplayName"] = "Pliro-like provider";
                settings["Providers:op:Issuer"] = issuer;
                settings["Providers:op:ClientId"] = ClientId;
                settings["Providers:op:ClientSecret"] = ClientSecret;
                settings["Providers:op:RequireHttpsMetadata"] = "false";
                return settings;
            }
        }
    }
}
