using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Protocol;

public sealed class IdTokenTests
{
    [Fact]
    public async Task Pliro_id_token_is_ES256_and_carries_sid_email_name_plan_nonce_and_the_real_auth_time()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var signedInAt = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var code = (await StandInHost.SignInAsync(browser, "pliro", "pliro-premium"))["code"];
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var token = await host.ValidateAsync("pliro", (await host.RedeemAsync("pliro", code)).GetProperty("id_token").GetString()!);

        Assert.Equal("ES256", token.Alg);
        Assert.Equal("cus_dev0000000000003", token.Subject);
        Assert.False(string.IsNullOrEmpty(token.GetPayloadValue<string>("sid")));
        Assert.Equal("pia.premium@pliro.test", token.GetPayloadValue<string>("email"));
        Assert.Equal("Pia Premium", token.GetPayloadValue<string>("name"));
        Assert.Equal("premium", token.GetPayloadValue<string>("plan"));
        Assert.Equal("n-1", token.GetPayloadValue<string>("nonce"));
        Assert.Equal(signedInAt, token.GetPayloadValue<long>("auth_time"));
        Assert.Equal(signedInAt + 30, token.GetPayloadValue<long>("iat"));
    }

    [Fact]
    public async Task Pliro_leaves_name_and_plan_out_without_the_profile_scope_and_plan_out_for_a_reader_without_plan()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var noProfile = await host.ValidateAsync("pliro", (await host.RedeemAsync("pliro",
            (await StandInHost.SignInAsync(browser, "pliro", "pliro-premium", p => p["scope"] = "openid email"))["code"])).GetProperty("id_token").GetString()!);
        var noPlan = await host.ValidateAsync("pliro", (await host.RedeemAsync("pliro",
            (await StandInHost.SignInAsync(browser, "pliro", "pliro-free", p => p["prompt"] = "login"))["code"])).GetProperty("id_token").GetString()!);

        Assert.False(noProfile.TryGetPayloadValue<string>("name", out _));
        Assert.False(noProfile.TryGetPayloadValue<string>("plan", out _));
        Assert.Equal("Frida Free", noPlan.GetPayloadValue<string>("name"));
        Assert.False(noPlan.TryGetPayloadValue<string>("plan", out _));
    }

    [Fact]
    public async Task Silent_reauthentication_keeps_the_original_auth_time()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pixelpin:IssueIdToken"] = "true" });
        using var browser = host.NewBrowser();
        var signedInAt = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        await StandInHost.SignInAsync(browser, "pixelpin", "pixelpin-paula");
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        var response = await browser.GetAsync(StandInHost.Url(StandInHost.AuthorizePath("pixelpin"), StandInHost.AuthorizeParameters("pixelpin")));
        var code = StandInHost.RedirectQuery(response, StandInHost.RedirectUri("pixelpin"))["code"];
        var token = await host.ValidateAsync("pixelpin", (await host.RedeemAsync("pixelpin", code)).GetProperty("id_token").GetString()!);

        Assert.Equal(signedInAt, token.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task PixelPin_token_response_is_exactly_the_documented_access_token_and_expires_in()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "pixelpin", "pixelpin-paula"))["code"];

        var body = await host.RedeemAsync("pixelpin", code);

        Assert.Equal(["access_token", "expires_in"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(30 * 24 * 3600, body.GetProperty("expires_in").GetInt64());
    }

    [Fact]
    public async Task Subrite_id_token_is_issued_by_the_api_oidc_issuer_and_carries_no_subscriptions()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "subrite", "subrite-premium"))["code"];
        var token = await host.ValidateAsync("subrite", (await host.RedeemAsync("subrite", code)).GetProperty("id_token").GetString()!);

        Assert.Equal("RS256", token.Alg);
        Assert.Equal("1003", token.Subject);
        Assert.Equal("prem.ium@subrite.test", token.GetPayloadValue<string>("email"));
        Assert.DoesNotContain(token.Claims, c => c.Type.Contains("plan", StringComparison.Ordinal) || c.Type.Contains("subscription", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PixelPin_id_token_holds_only_protocol_claims_so_the_profile_must_come_from_userinfo()
    {
        await using var host = await StandInHost.StartAsync(new() { ["DevProviders:pixelpin:IssueIdToken"] = "true" });
        using var browser = host.NewBrowser();
        var code = (await StandInHost.SignInAsync(browser, "pixelpin", "pixelpin-paula"))["code"];
        var token = await host.ValidateAsync("pixelpin", (await host.RedeemAsync("pixelpin", code)).GetProperty("id_token").GetString()!);

        Assert.Equal("7700000000000000001", token.Subject);
        Assert.Equal("n-1", token.GetPayloadValue<string>("nonce"));
        Assert.False(token.TryGetPayloadValue<string>("email", out _));
    }

    [Fact]
    public async Task PiPA_subject_is_pairwise_and_the_plan_claim_is_pipa_plan()
    {
        await using var host = await StandInHost.StartAsync();
        using var browser = host.NewBrowser();
        var body = await host.RedeemAsync("pipa", (await StandInHost.SignInAsync(browser, "pipa", "pipa-premium"))["code"]);
        var token = await host.ValidateAsync("pipa", body.GetProperty("id_token").GetString()!);

        Assert.NotEqual("pipa-user-3", token.Subject);
        Assert.Equal(token.Subject, body.GetProperty("user_id").GetString());
        Assert.Equal("premium", token.GetPayloadValue<string>("pipa_plan"));
        Assert.Equal("petra.premium@pipa.test", token.GetPayloadValue<string>("email"));
    }

    [Fact]
    public async Task PiPA_gives_another_client_another_subject_and_honours_a_configured_plan_claim()
    {
        await using var first = await StandInHost.StartAsync();
        await using var second = await StandInHost.StartAsync(new()
        {
            ["DevProviders:pipa:ClientId"] = "another-integration",
            ["DevProviders:pipa:PlanClaim"] = "tier",
        });
        using var browserA = first.NewBrowser();
        using var browserB = second.NewBrowser();
        var subjectA = (await first.RedeemAsync("pipa", (await StandInHost.SignInAsync(browserA, "pipa", "pipa-plus"))["code"])).GetProperty("user_id").GetString();

        var query = await StandInHost.SignInAsync(browserB, "pipa", "pipa-plus", p => p["client_id"] = "another-integration");
        using var client = second.NewClient();
        var request = StandInHost.TokenRequest("pipa", new() { ["grant_type"] = "authorization_code", ["code"] = query["code"] });
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = query["code"], ["client_id"] = "another-integration", ["client_secret"] = StandInHost.Secret("pipa") };
        request.Content = new FormUrlEncodedContent(fields);
        var body = System.Text.Json.JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var token = await second.ValidateAsync("pipa", body.GetProperty("id_token").GetString()!, audience: "another-integration");

        Assert.NotEqual(subjectA, token.Subject);
        Assert.Equal("plus", token.GetPayloadValue<string>("tier"));
        Assert.False(token.TryGetPayloadValue<string>("pipa_plan", out _));
    }
}
