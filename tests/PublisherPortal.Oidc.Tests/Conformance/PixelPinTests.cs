using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>
/// PixelPin as its document describes it (docs/providers/pixelpin.md): a token response of access_token and
/// expires_in, and a userinfo profile of id (a 64-bit number), firstName and email, without sub.
/// </summary>
public sealed class PixelPinTests
{
    private const string SixtyFourBitId = "9007199254740993"; // 2^53 + 1: a double would round it

    private static Task<Scenario> DocumentedPixelPinAsync(Action<ProviderBehaviour>? twist = null, string type = "PixelPin") =>
        Scenario.StartAsync(type: type, arrange: p =>
        {
            p.Behaviour.ExpectedClientAuth = "client_secret_post";
            p.Behaviour.OmitIdToken = true;
            p.Behaviour.UserInfoOmitSub = true;
            p.Behaviour.UserInfoExtra["id"] = ulong.Parse(SixtyFourBitId, System.Globalization.CultureInfo.InvariantCulture);
            p.Behaviour.UserInfoExtra["firstName"] = "Paula Pin";
            p.Behaviour.UserInfoExtra["email"] = "paula@example.test";
            twist?.Invoke(p.Behaviour);
        });

    [Fact]
    public async Task Signs_in_from_the_documented_answers_with_the_userinfo_id_as_subject()
    {
        await using var s = await DocumentedPixelPinAsync();

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Contains($"sub={SixtyFourBitId}", page.Body);
        Assert.Contains($"iss={s.Provider.Issuer}", page.Body);
        Assert.Contains("signed-in:Paula Pin", page.Body);
        Assert.Contains("email=paula@example.test", page.Body);
        Assert.DoesNotContain("sid=", page.Body);
        Assert.Equal(1, s.Provider.UserInfoHits);
    }

    [Fact]
    public async Task Never_takes_identity_from_userinfo_for_a_generic_provider_without_an_id_token()
    {
        await using var s = await DocumentedPixelPinAsync(type: "Generic", twist: b => b.ExpectedClientAuth = "client_secret_basic");

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidTokenResponse);
        s.AssertLogged("no ID token");
        Assert.Equal(0, s.Provider.UserInfoHits);
    }

    [Fact]
    public async Task Refuses_a_profile_that_names_nobody()
    {
        await using var s = await DocumentedPixelPinAsync(b => b.UserInfoExtra.Remove("id"));

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidUserInfo);
        s.AssertLogged("names no subject");
    }

    [Fact]
    public async Task Refuses_a_fractional_id()
    {
        await using var s = await DocumentedPixelPinAsync(b => b.UserInfoExtra["id"] = 12.5);

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidUserInfo);
    }

    [Fact]
    public async Task Cannot_confirm_a_fresh_login_without_an_id_token()
    {
        await using var s = await DocumentedPixelPinAsync();

        await s.AssertRefusedAsync(await s.SignInAsync("?prompt=login"), OidcErrorCodes.InvalidTokenResponse);
        s.AssertLogged("auth_time");
    }

    [Fact]
    public async Task With_an_id_token_the_userinfo_id_must_be_the_same_subject()
    {
        await using var s = await DocumentedPixelPinAsync(b =>
        {
            b.OmitIdToken = false;
            b.UserInfoExtra["id"] = 42;
        });

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidUserInfo);
        s.AssertLogged("another subject");
    }

    [Fact]
    public async Task With_an_id_token_and_a_matching_id_the_session_keeps_the_id_token_claims()
    {
        await using var s = await DocumentedPixelPinAsync(b =>
        {
            b.OmitIdToken = false;
            b.MutateIdToken = c => c["sub"] = SixtyFourBitId;
        });

        var page = await s.SignInAsync();

        await s.AssertSignedInAsync(page);
        Assert.Contains($"sub={SixtyFourBitId}", page.Body);
        Assert.Contains("sid=sess-42", page.Body);
    }
}
