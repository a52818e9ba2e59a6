using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>Userinfo (OIDC Core §5.3): sub must match; PixelPin's field names are mapped tolerantly.</summary>
public sealed class UserInfoTests
{
    [Fact]
    public async Task Refuses_userinfo_for_another_subject()
    {
        await using var s = await Scenario.StartAsync(type: "PixelPin", arrange: p =>
        {
            p.Behaviour.ExpectedClientAuth = "client_secret_post";
            p.Behaviour.UserInfoSub = "someone-else";
        });

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.InvalidUserInfo);
        Assert.Equal(1, s.Provider.UserInfoHits);
    }

    [Fact]
    public async Task Maps_pixelpin_profile_fields_from_userinfo()
    {
        await using var s = await Scenario.StartAsync(type: "PixelPin", arrange: p =>
        {
            p.Behaviour.ExpectedClientAuth = "client_secret_post";
            p.Behaviour.MutateIdToken = c =>
            {
                c.Remove("name");
                c.Remove("email");
                c.Remove("plan");
            };
            p.Behaviour.UserInfoExtra["firstName"] = "Grace";
            p.Behaviour.UserInfoExtra["family_name"] = "Hopper";
            p.Behaviour.UserInfoExtra["email"] = "grace@example.test";
            p.Behaviour.UserInfoExtra["id"] = 1234567890123;
            p.Behaviour.UserInfoExtra["address"] = "{\"street_address\":\"1 Main St\",\"locality\":\"Oslo\"}";
        });

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Contains("signed-in:Grace Hopper", page.Body);
        Assert.Contains("email=grace@example.test", page.Body);
        Assert.Contains("address={\"street_address\":\"1 Main St\",\"locality\":\"Oslo\"}", page.Body);
        Assert.DoesNotContain("plan=", page.Body);
    }

    [Fact]
    public async Task Falls_back_to_display_name_then_email_for_the_name()
    {
        await using var s = await Scenario.StartAsync(type: "PixelPin", arrange: p =>
        {
            p.Behaviour.ExpectedClientAuth = "client_secret_post";
            p.Behaviour.MutateIdToken = c => c.Remove("name");
            p.Behaviour.UserInfoExtra["displayName"] = "gracie";
        });

        var page = await s.SignInAsync();

        Assert.Contains("signed-in:gracie", page.Body);
    }

    [Fact]
    public async Task Does_not_call_userinfo_unless_configured()
    {
        await using var s = await Scenario.StartAsync();

        await s.AssertSignedInAsync(await s.SignInAsync());

        Assert.Equal(0, s.Provider.UserInfoHits);
    }

    [Fact]
    public async Task Collects_plan_keys_from_userinfo_when_pliro_userinfo_is_on()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro", settings: v => v["Providers:op:CallUserInfo"] = "true", arrange: p =>
        {
            p.Behaviour.MutateIdToken = c => c.Remove("plan");
            p.Behaviour.UserInfoExtra["plan_slugs"] = new[] { "gold" };
        });

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Contains("plan=gold", page.Body);
    }

    [Fact]
    public async Task Lets_the_app_add_claims_when_the_token_is_validated()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.Events.OnTokenValidated = c =>
        {
            ((System.Security.Claims.ClaimsIdentity)c.Principal!.Identity!).AddClaim(new System.Security.Claims.Claim(OidcClaimTypes.Role, "Editor"));
            return Task.CompletedTask;
        });

        var page = await s.SignInAsync();

        Assert.Contains("role=Editor", page.Body);
    }

    [Fact]
    public async Task Lets_the_app_refuse_a_sign_in_when_the_token_is_validated()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.Events.OnTokenValidated = c =>
        {
            c.Fail("Readers from this provider are blocked.");
            return Task.CompletedTask;
        });

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.Refused);
        s.AssertLogged("Readers from this provider are blocked.");
    }
}
