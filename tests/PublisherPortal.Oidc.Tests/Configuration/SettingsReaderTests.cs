using Microsoft.Extensions.Configuration;

namespace PublisherPortal.Oidc.Tests.Configuration;

/// <summary>Type defaults from each provider's documents (docs/providers/), overridden key by key from settings.</summary>
public sealed class SettingsReaderTests
{
    private static OidcProviderOptions Read(Dictionary<string, string?> values)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Providers:x");
        var options = new OidcProviderOptions();
        OidcSettingsReader.Read(section, options);
        return options;
    }

    [Theory]
    [InlineData("Pliro", "openid email profile", OidcClientAuthenticationMethod.ClientSecretBasic, false, "plan plan_slugs", OidcDiscovery.IfAvailable)]
    [InlineData("Subrite", "openid offline_access", OidcClientAuthenticationMethod.ClientSecretPost, false, "", OidcDiscovery.Required)]
    [InlineData("PixelPin", "openid email profile", OidcClientAuthenticationMethod.ClientSecretPost, true, "", OidcDiscovery.Required)]
    [InlineData("PiPA", "openid email", OidcClientAuthenticationMethod.ClientSecretPost, false, "", OidcDiscovery.Off)]
    [InlineData("Generic", "openid email profile", OidcClientAuthenticationMethod.ClientSecretBasic, false, "", OidcDiscovery.Required)]
    public void Applies_the_defaults_of_each_type(string type, string scopes, OidcClientAuthenticationMethod auth, bool userInfo, string plans, OidcDiscovery discovery)
    {
        var o = Read(new() { ["Providers:x:Type"] = type });

        Assert.Equal(scopes, string.Join(' ', o.Scopes));
        Assert.Equal(auth, o.TokenEndpointAuthMethod);
        Assert.Equal(userInfo, o.CallUserInfo);
        Assert.Equal(plans, string.Join(' ', o.PlanClaims));
        Assert.True(o.UsePkce);
        Assert.Equal(discovery, o.Discovery);
        Assert.Empty(o.SettingErrors);
    }

    [Theory]
    [InlineData("UseDiscovery", "false", OidcDiscovery.Off)]
    [InlineData("UseDiscovery", "true", OidcDiscovery.Required)]
    [InlineData("Discovery", "ifavailable", OidcDiscovery.IfAvailable)]
    public void Reads_the_discovery_mode_from_either_setting(string key, string value, OidcDiscovery expected) =>
        Assert.Equal(expected, Read(new() { ["Providers:x:Type"] = "PiPA", [$"Providers:x:{key}"] = value }).Discovery);

    [Fact]
    public void Settings_override_type_defaults()
    {
        var o = Read(new()
        {
            ["Providers:x:Type"] = "Pliro",
            ["Providers:x:TokenEndpointAuthMethod"] = "client_secret_post",
            ["Providers:x:UsePkce"] = "false",
            ["Providers:x:CallUserInfo"] = "true",
            ["Providers:x:PlanClaims:0"] = "tier",
            ["Providers:x:ClockSkew"] = "30",
            ["Providers:x:MaxAge"] = "00:10:00",
        });

        Assert.Equal(OidcClientAuthenticationMethod.ClientSecretPost, o.TokenEndpointAuthMethod);
        Assert.False(o.UsePkce);
        Assert.True(o.CallUserInfo);
        Assert.Equal(["tier"], o.PlanClaims);
        Assert.Equal(TimeSpan.FromSeconds(30), o.ClockSkew);
        Assert.Equal(TimeSpan.FromMinutes(10), o.MaxAge);
    }

    [Fact]
    public void Reads_scopes_as_a_space_separated_string_or_an_array()
    {
        Assert.Equal(["openid", "email"], Read(new() { ["Providers:x:Scopes"] = "openid  email" }).Scopes);
        Assert.Equal(["openid", "phone"], Read(new() { ["Providers:x:Scopes:0"] = "openid", ["Providers:x:Scopes:1"] = "phone" }).Scopes);
    }

    [Fact]
    public void Reads_an_array_whose_parent_key_a_source_reports_as_empty()
    {
        // Host settings (WebApplicationFactory's UseSetting, environment variables) can carry "" for the parent.
        var o = Read(new() { ["Providers:x:Type"] = "PiPA", ["Providers:x:PlanClaims"] = "", ["Providers:x:PlanClaims:0"] = "pipa_plan" });

        Assert.Equal(["pipa_plan"], o.PlanClaims);
    }

    [Fact]
    public void Adds_a_single_plan_claim_for_pipa()
    {
        var o = Read(new() { ["Providers:x:Type"] = "PiPA", ["Providers:x:PlanClaim"] = "subscription_level" });

        Assert.Equal(["subscription_level"], o.PlanClaims);
    }

    [Fact]
    public void Ignores_keys_that_belong_to_the_web_app()
    {
        var o = Read(new()
        {
            ["Providers:x:Type"] = "Subrite",
            ["Providers:x:MemberApiBase"] = "https://stage.api.subrite.no",
            ["Providers:x:CheckoutUrl"] = "https://checkout.test",
            ["Providers:x:SubscribePath"] = "/subscribe",
        });

        Assert.Empty(o.SettingErrors);
    }

    [Fact]
    public void Reads_extra_authorize_parameters()
    {
        var o = Read(new() { ["Providers:x:AuthorizeParameters:ui_locales"] = "nb", ["Providers:x:AuthorizeParameters:acr_values"] = "loa2" });

        Assert.Equal("nb", o.AuthorizeParameters["ui_locales"]);
        Assert.Equal("loa2", o.AuthorizeParameters["acr_values"]);
    }
}
