using System.Net;

namespace PublisherPortal.Tests.Accounts;

public sealed class AccountPagesTests : IClassFixture<AccountPagesTests.PortalWithProviders>
{
    private readonly PortalWithProviders _portal;
    private readonly HttpClient _reader;

    public AccountPagesTests(PortalWithProviders portal)
    {
        _portal = portal;
        _reader = portal.CreateReader();
    }

    [Fact]
    public async Task The_login_chooser_lists_every_configured_provider_by_display_name()
    {
        var (response, _, document) = await _reader.GetPageAsync("/account/login?returnUrl=%2Farticles%2Fx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = document.QuerySelectorAll(".provider-list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("Continue with Example News ID", "/account/login?provider=generic&returnUrl=%2Farticles%2Fx"),
                ("Continue with Pliro Test", "/account/login?provider=pliro&returnUrl=%2Farticles%2Fx"),
            ],
            links.OrderBy(l => l.Item1).ToList());
    }

    [Fact]
    public async Task Starting_sign_in_redirects_to_the_provider_with_a_code_flow_request()
    {
        var response = await _reader.GetAsync("/account/login?provider=pliro&returnUrl=%2Farticles%2Fx");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("https://pliro.example/oauth/authorize?", location.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("pliro-client", query["client_id"]);
        Assert.Equal($"{PortalFactory.BaseUrl}/signin-pliro", query["redirect_uri"]);
        Assert.Contains("profile", query["scope"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Equal("S256", query["code_challenge_method"]);
    }

    [Fact]
    public async Task An_unknown_provider_answers_400_and_still_offers_the_real_ones()
    {
        var (response, _, document) = await _reader.GetPageAsync("/account/login?provider=evil");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("don't know that sign-in provider", document.Body!.TextContent);
        Assert.Equal(2, document.QuerySelectorAll(".provider-list a").Length);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task The_chooser_never_passes_on_a_foreign_return_url(string returnUrl)
    {
        var (_, _, document) = await _reader.GetPageAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.All(document.QuerySelectorAll(".provider-list a"), a => Assert.EndsWith("&returnUrl=%2F", a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_account_page_sends_anonymous_readers_to_sign_in_and_back()
    {
        var response = await _reader.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{PortalFactory.BaseUrl}/account/login?returnUrl=%2Faccount", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_sign_in_error_names_the_provider_and_shows_its_words_as_text_only()
    {
        var (response, body, document) = await _reader.GetPageAsync(
            "/account/error?provider=pliro&error=access_denied&description=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pliro Test", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("cancelled", document.Body!.TextContent);
        Assert.Equal("/account/login?provider=pliro", document.QuerySelector(".account-actions a.button")!.GetAttribute("href"));
        Assert.DoesNotContain("<script>alert(1)</script>", body);
        Assert.Empty(document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_forged_callback_is_refused_with_a_readable_error_and_no_session()
    {
        var response = await _reader.GetAsync("/signin-pliro?code=abc&state=forged");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/error?provider=pliro&error=", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("portal.session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("%2Farticles%2Fx", "/account/login?returnUrl=%2Farticles%2Fx")]
    [InlineData("%2F%2Fevil.example", "/account/login?returnUrl=%2F")]
    [InlineData("%2F%5Cevil.example", "/account/login?returnUrl=%2F")]
    public async Task The_subscribe_page_lists_the_tiers_by_rank_and_signs_in_back_to_a_local_page_only(string returnUrl, string signIn)
    {
        var (response, _, document) = await _reader.GetPageAsync("/subscribe?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            _portal.Demo.Tiers.OrderBy(t => t.Rank).Select(t => t.Name),
            document.QuerySelectorAll(".plan__name").Select(h => h.TextContent.Trim()));
        Assert.Equal(signIn, document.QuerySelector("main a.subscribe__sign-in")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_access_denied_page_answers_403_with_an_explanation()
    {
        var (response, _, document) = await _reader.GetPageAsync("/account/denied");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not for your account", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Sign_out_refuses_a_post_without_an_antiforgery_token()
    {
        var response = await _reader.PostAsync("/account/logout", new FormUrlEncodedContent([new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void A_provider_without_a_client_secret_stops_start_up_naming_the_key()
    {
        using var broken = new PortalFactory(Setup(withSecret: false));
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => broken.CreateClient());
        Assert.Contains("Providers:pliro:ClientSecret", error.Message);
    }

    /// <summary>Pliro and a generic provider configured offline: endpoints and keys from settings, nothing fetched.</summary>
    public class PortalWithProviders() : PortalFactory(Setup(withSecret: true));

    private static PortalSetup Setup(bool withSecret) => new PortalSetup().With(new Dictionary<string, string?>
    {
        ["Providers:pliro:Type"] = "Pliro",
        ["Providers:pliro:DisplayName"] = "Pliro Test",
        ["Providers:pliro:Issuer"] = "https://pliro.example",
        ["Providers:pliro:ClientId"] = "pliro-client",
        ["Providers:pliro:ClientSecret"] = withSecret ? "pliro-secret" : null,
        ["Providers:pliro:UseDiscovery"] = "false",
        ["Providers:pliro:AuthorizationEndpoint"] = "https://pliro.example/oauth/authorize",
        ["Providers:pliro:TokenEndpoint"] = "https://pliro.example/oauth/token",
        // Pliro's documented static-key setup: a PEM public key from its "Signing keys" page (a throwaway test key).
        ["Providers:pliro:SigningKeysPem:0"] = TestSigningKey.Pem,
        ["Providers:generic:Type"] = "Generic",
        ["Providers:generic:DisplayName"] = "Example News ID",
        ["Providers:generic:Issuer"] = "https://id.example",
        ["Providers:generic:ClientId"] = "generic-client",
        ["Providers:generic:ClientSecret"] = "generic-secret",
        ["Providers:generic:UseDiscovery"] = "false",
        ["Providers:generic:AuthorizationEndpoint"] = "https://id.example/authorize",
        ["Providers:generic:TokenEndpoint"] = "https://id.example/token",
        ["Providers:generic:SigningKeysPem:0"] = TestSigningKey.Pem,
    });


}
