using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>Which key verifies the ID token: kid handling, rotation, keys from settings.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    public async Task Accepts_id_token_without_kid_when_the_provider_has_one_key()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.OmitKid = true);

        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public async Task Finds_the_key_by_trying_when_the_id_token_has_no_kid_and_there_are_several_keys()
    {
        await using var s = await Scenario.StartAsync(arrange: p =>
        {
            p.UseKeys(ProviderKey.Rsa("key-a"), ProviderKey.Rsa("key-b"), ProviderKey.EcP256("key-c"));
            p.Behaviour.SignWithKid = "key-b";
            p.Behaviour.OmitKid = true;
        });

        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public async Task Accepts_a_rotated_key_after_one_jwks_refetch()
    {
        await using var s = await Scenario.StartAsync();
        await s.AssertSignedInAsync(await s.SignInAsync());
        Assert.Equal(1, s.Provider.JwksHits);

        s.Provider.RotateKey("key-2");
        var page = await s.Site.NewBrowser(s.Provider).NavigateAsync($"{s.Site.BaseUrl}/login/{Scenario.Key}");

        Assert.Equal("/me", page.Path);
        Assert.StartsWith("signed-in:", page.Body);
        Assert.Equal(2, s.Provider.JwksHits);
    }

    [Fact]
    public async Task Refetches_keys_only_once_for_a_kid_that_stays_unknown()
    {
        await using var s = await Scenario.StartAsync(arrange: p =>
        {
            p.Behaviour.Signing = TokenSigning.UnpublishedKey;
            p.Behaviour.MutateIdTokenHeader = h => h["kid"] = "ghost";
        });

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidIdToken);
        Assert.Equal(2, s.Provider.JwksHits);

        // A second bad token within the refresh interval does not reach the provider again.
        var again = await s.Site.NewBrowser(s.Provider).NavigateAsync($"{s.Site.BaseUrl}/login/{Scenario.Key}");
        Assert.Equal(OidcErrorCodes.InvalidIdToken, again.Query("error"));
        Assert.Equal(2, s.Provider.JwksHits);
    }

    [Fact]
    public async Task Accepts_a_token_whose_kid_is_unknown_but_whose_signature_a_published_key_verifies()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.MutateIdTokenHeader = h => h["kid"] = "renamed");

        await s.AssertSignedInAsync(await s.SignInAsync());
        Assert.Equal(2, s.Provider.JwksHits);
    }

    [Fact]
    public async Task Signs_in_with_es256_keys_configured_as_pem_without_discovery()
    {
        var pliroKey = ProviderKey.EcP256("pliro-1");
        await using var s = await Scenario.StartAsync(type: "Pliro", arrange: p => p.UseKeys(pliroKey), settings: v =>
        {
            v["Providers:op:UseDiscovery"] = "false";
            v["Providers:op:AuthorizationEndpoint"] = "https://op.test/authorize";
            v["Providers:op:TokenEndpoint"] = "https://op.test/token";
            v["Providers:op:EndSessionEndpoint"] = "https://op.test/end_session";
            v["Providers:op:SigningKeysPem:0"] = pliroKey.PublicKeyPem;
        });

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Equal(0, s.Provider.DiscoveryHits);
        Assert.Equal(0, s.Provider.JwksHits);
        Assert.Equal("client_secret_basic", s.Provider.TokenRequests.Single().ClientAuthMethod);
        Assert.Contains("plan=premium", page.Body);
    }

    [Fact]
    public async Task Refuses_id_token_not_signed_by_the_configured_pem_key()
    {
        var configured = ProviderKey.EcP256("configured");
        await using var s = await Scenario.StartAsync(arrange: p => p.UseKeys(ProviderKey.EcP256("other")), settings: v =>
        {
            v["Providers:op:UseDiscovery"] = "false";
            v["Providers:op:AuthorizationEndpoint"] = "https://op.test/authorize";
            v["Providers:op:TokenEndpoint"] = "https://op.test/token";
            v["Providers:op:SigningKeysPem:0"] = configured.PublicKeyPem;
        });

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidIdToken);
    }

    [Fact]
    public async Task Signs_in_with_a_configured_jwks_uri_without_discovery()
    {
        await using var s = await Scenario.StartAsync(settings: v =>
        {
            v["Providers:op:UseDiscovery"] = "false";
            v["Providers:op:AuthorizationEndpoint"] = "https://op.test/authorize";
            v["Providers:op:TokenEndpoint"] = "https://op.test/token";
            v["Providers:op:JwksUri"] = "https://op.test/jwks";
        });

        await s.AssertSignedInAsync(await s.SignInAsync());
        Assert.Equal(0, s.Provider.DiscoveryHits);
        Assert.Equal(1, s.Provider.JwksHits);
    }

    [Fact]
    public async Task Refuses_an_algorithm_left_out_of_the_allow_list()
    {
        await using var s = await Scenario.StartAsync(settings: v => v["Providers:op:AllowedSigningAlgorithms"] = "ES256");

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.InvalidIdToken);
        s.AssertLogged("RS256");
    }
}
