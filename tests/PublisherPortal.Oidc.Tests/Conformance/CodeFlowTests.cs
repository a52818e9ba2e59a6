using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>The happy path and what it must send (OIDC Core §3.1; RP certification "code flow").</summary>
public sealed class CodeFlowTests
{
    [Fact]
    public async Task Signs_in_with_the_authorization_code_flow()
    {
        await using var s = await Scenario.StartAsync();

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Contains("signed-in:Ada Reader", page.Body);
        Assert.Contains($"sub={HostileProvider.Subject}", page.Body);
        Assert.Contains($"iss={s.Provider.Issuer}", page.Body);
        Assert.Contains("provider=op", page.Body);
        Assert.Contains("sid=sess-42", page.Body);
        Assert.Contains("email=ada@example.test", page.Body);
    }

    [Fact]
    public async Task Sends_code_request_with_scopes_state_nonce_pkce_and_the_redirect_uri()
    {
        await using var s = await Scenario.StartAsync(v => v["Providers:op:AuthorizeParameters:ui_locales"] = "nb");

        await s.SignInAsync();

        var request = Assert.Single(s.Provider.AuthorizeRequests);
        Assert.Equal("code", request["response_type"]);
        Assert.Equal(HostileProvider.ClientId, request["client_id"]);
        Assert.Equal("openid email profile", request["scope"]);
        Assert.Equal("https://rp.test/signin-op", request["redirect_uri"]);
        Assert.Equal("S256", request["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(request["state"]));
        Assert.False(string.IsNullOrEmpty(request["nonce"]));
        Assert.Equal("nb", request["ui_locales"]);
        Assert.False(request.ContainsKey("x-client-SKU"));
    }

    [Fact]
    public async Task Sends_pkce_verifier_that_the_provider_checks_against_the_challenge()
    {
        await using var s = await Scenario.StartAsync();

        await s.AssertSignedInAsync(await s.SignInAsync());

        var token = Assert.Single(s.Provider.TokenRequests);
        Assert.False(string.IsNullOrEmpty(token.Form["code_verifier"]));
        Assert.Equal("https://rp.test/signin-op", token.Form["redirect_uri"]);
    }

    [Fact]
    public async Task Refuses_when_the_pkce_verifier_does_not_match_at_the_provider()
    {
        // The site sends a challenge the provider will never see matched: the event rewrites it.
        await using var s = await Scenario.StartAsync(configure: o => o.Events.OnRedirectToIdentityProvider = c =>
        {
            c.ProtocolMessage.SetParameter("code_challenge", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            return Task.CompletedTask;
        });

        await s.AssertRefusedAsync(await s.SignInAsync(), "invalid_grant");
    }

    [Fact]
    public async Task Authenticates_with_client_secret_basic_when_configured()
    {
        await using var s = await Scenario.StartAsync(v => v["Providers:op:TokenEndpointAuthMethod"] = "client_secret_basic",
            arrange: p => p.Behaviour.ExpectedClientAuth = "client_secret_basic");

        await s.AssertSignedInAsync(await s.SignInAsync());

        var token = Assert.Single(s.Provider.TokenRequests);
        Assert.Equal("client_secret_basic", token.ClientAuthMethod);
        Assert.False(token.Form.ContainsKey("client_secret"));
    }

    [Fact]
    public async Task Authenticates_with_client_secret_post_when_configured()
    {
        await using var s = await Scenario.StartAsync(v => v["Providers:op:TokenEndpointAuthMethod"] = "client_secret_post",
            arrange: p => p.Behaviour.ExpectedClientAuth = "client_secret_post");

        await s.AssertSignedInAsync(await s.SignInAsync());

        var token = Assert.Single(s.Provider.TokenRequests);
        Assert.Equal("client_secret_post", token.ClientAuthMethod);
        Assert.Null(token.Authorization);
    }

    [Fact]
    public async Task Subrite_type_defaults_to_client_secret_post_pkce_and_offline_access()
    {
        await using var s = await Scenario.StartAsync(type: "Subrite", arrange: p =>
        {
            p.Behaviour.ExpectedClientAuth = "client_secret_post";
            p.Behaviour.RefreshToken = "rt-1";
        });

        await s.AssertSignedInAsync(await s.SignInAsync());

        var request = Assert.Single(s.Provider.AuthorizeRequests);
        Assert.Equal("openid offline_access", request["scope"]);
        Assert.Equal("S256", request["code_challenge_method"]);
        var tokens = await s.Browser.NavigateAsync(s.Site.BaseUrl + "/tokens");
        Assert.Contains("refresh_token", tokens.Body);
    }

    [Fact]
    public async Task Keeps_tokens_in_the_authentication_properties()
    {
        await using var s = await Scenario.StartAsync();

        await s.AssertSignedInAsync(await s.SignInAsync());

        var tokens = (await s.Browser.NavigateAsync(s.Site.BaseUrl + "/tokens")).Body.Split('\n');
        Assert.Contains("access_token", tokens);
        Assert.Contains("id_token", tokens);
        Assert.Contains("token_type", tokens);
        Assert.Contains("expires_at", tokens);
    }

    [Fact]
    public async Task Collects_plan_keys_from_pliro_plan_and_plan_slugs()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro",
            arrange: p => p.Behaviour.MutateIdToken = c => c["plan_slugs"] = new[] { "premium", "digital" });

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Contains("plan=premium", page.Body);
        Assert.Contains("plan=digital", page.Body);
        Assert.Equal(2, page.Body.Split('\n').Count(l => l.StartsWith("plan=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Completes_a_form_post_response()
    {
        await using var s = await Scenario.StartAsync(v => v["Providers:op:ResponseMode"] = "form_post");

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Equal("form_post", s.Provider.AuthorizeRequests.Single()["response_mode"]);
        Assert.Contains(s.Browser.Visited, u => u.AbsolutePath == "/signin-op");
    }

    [Fact]
    public async Task Works_over_plain_http_in_development()
    {
        await using var s = await Scenario.StartAsync(baseUrl: "http://localhost:5000");

        await s.AssertSignedInAsync(await s.SignInAsync());

        Assert.Equal("http://localhost:5000/signin-op", s.Provider.AuthorizeRequests.Single()["redirect_uri"]);
    }

    [Fact]
    public async Task Uses_the_configured_base_url_for_the_redirect_uri()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.BaseUrl = "https://rp.test/");

        await s.AssertSignedInAsync(await s.SignInAsync());

        Assert.Equal("https://rp.test/signin-op", s.Provider.AuthorizeRequests.Single()["redirect_uri"]);
    }

    [Fact]
    public async Task Challenge_on_a_protected_page_returns_the_reader_there()
    {
        await using var s = await Scenario.StartAsync();

        var page = await s.Browser.NavigateAsync(s.Site.BaseUrl + "/protected");

        Assert.Equal("/protected", page.Path);
        Assert.Equal("the protected page", page.Body);
    }
}
