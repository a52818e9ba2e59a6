using System.Net;

namespace PublisherPortal.Tests.Sessions;

/// <summary>
/// Back-channel logout across two instances sharing one database: the provider's notification may reach either,
/// and the reader's next request on either is anonymous (on the other within Sessions:CacheLifetime).
/// </summary>
public sealed class BackchannelLogoutTests : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);
    private readonly LogoutTokenMinter _minter = new();
    private readonly PortalFactory _a;
    private readonly PortalFactory _b;

    public BackchannelLogoutTests()
    {
        _a = new PortalFactory(PortalSetup.Pliro(_minter));
        _ = _a.Services; // start A first: it migrates and seeds the shared database
        _b = new PortalFactory(PortalSetup.Pliro(_minter) with { SharedDatabasePath = _a.DatabasePath });
    }

    private DateTimeOffset Now => _b.Clock.GetUtcNow();

    [Fact]
    public async Task Ends_the_session_on_every_instance_when_the_provider_reports_the_sign_out()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_a, "cus_1", "sid-1");
        Assert.True(await reader.IsSignedInAsync(_a));
        Assert.True(await reader.IsSignedInAsync(_b)); // any instance finds the session in the database

        var response = await PostLogoutAsync(_b, _minter.Sign(_minter.Claims(Now, "cus_1", "sid-1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(await reader.IsSignedInAsync(_b)); // the receiving instance: at once
        // The other instance may answer from memory for at most Sessions:CacheLifetime, and not a tick longer.
        _a.Clock.Advance(CacheLifetime - TimeSpan.FromMilliseconds(1));
        Assert.True(await reader.IsSignedInAsync(_a));
        _a.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await reader.IsSignedInAsync(_a));
    }

    [Fact]
    public async Task Ends_only_the_sessions_of_that_provider_session()
    {
        var signedOut = new ReaderClient();
        var bystander = new ReaderClient();
        await signedOut.SignInAsync(_a, "cus_1", "sid-1");
        await bystander.SignInAsync(_a, "cus_2", "sid-2");

        Assert.Equal(HttpStatusCode.OK, (await PostLogoutAsync(_a, _minter.Sign(_minter.Claims(Now, "cus_1", "sid-1")))).StatusCode);

        Assert.False(await signedOut.IsSignedInAsync(_a));
        Assert.True(await bystander.IsSignedInAsync(_a));
    }

    [Fact]
    public async Task Refuses_a_replayed_logout_token()
    {
        var token = _minter.Sign(_minter.Claims(Now, "cus_1", "sid-1"));
        Assert.Equal(HttpStatusCode.OK, (await PostLogoutAsync(_a, token)).StatusCode);

        var reader = new ReaderClient();
        await reader.SignInAsync(_a, "cus_1", "sid-1");
        var replay = await PostLogoutAsync(_b, token);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync());
        Assert.True(await reader.IsSignedInAsync(_b));
    }

    [Fact]
    public async Task Honours_a_logout_token_without_jti_once_and_refuses_its_replay()
    {
        // Pliro documents no jti: the relying party derives the token id from the event instead.
        var token = _minter.Sign(With(_minter.Claims(Now, "cus_1", "sid-1"), "jti", null));
        var reader = new ReaderClient();
        await reader.SignInAsync(_a, "cus_1", "sid-1");

        Assert.Equal(HttpStatusCode.OK, (await PostLogoutAsync(_a, token)).StatusCode);
        Assert.False(await reader.IsSignedInAsync(_a));

        await reader.SignInAsync(_a, "cus_1", "sid-1");
        var replay = await PostLogoutAsync(_b, token);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync());
        Assert.True(await reader.IsSignedInAsync(_b));
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "bad signature", "signature" },
        { "alg none", "none" },
        { "hmac with the public key", "HS256" },
        { "another issuer", "iss" },
        { "another audience", "aud" },
        { "iat in the future", "future" },
        { "iat too old", "too old" },
        { "no iat", "iat" },
        { "no sub", "sub" },
        { "no sid", "sid" },
        { "no events", "events" },
        { "a nonce", "nonce" },
        { "typ JWT", "typ" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Refuses_a_logout_token_that_breaks_one_rule_and_ends_nothing(string forgery, string reason)
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_a, "cus_1", "sid-1");
        var claims = _minter.Claims(Now, "cus_1", "sid-1");
        var token = forgery switch
        {
            "bad signature" => LogoutTokenMinter.SignWithStrangerKey(claims),
            "alg none" => _minter.Sign(claims, alg: "none"),
            "hmac with the public key" => _minter.Sign(claims, alg: "HS256"),
            "another issuer" => _minter.Sign(With(claims, "iss", "https://evil.example")),
            "another audience" => _minter.Sign(With(claims, "aud", "someone-else")),
            "iat in the future" => _minter.Sign(With(claims, "iat", Now.AddMinutes(10).ToUnixTimeSeconds())),
            "iat too old" => _minter.Sign(With(claims, "iat", Now.AddMinutes(-30).ToUnixTimeSeconds())),
            "no iat" => _minter.Sign(With(claims, "iat", null)),
            "no sub" => _minter.Sign(With(claims, "sub", null)),
            "no sid" => _minter.Sign(With(claims, "sid", null)),
            "no events" => _minter.Sign(With(claims, "events", null)),
            "a nonce" => _minter.Sign(With(claims, "nonce", "n-1")),
            "typ JWT" => _minter.Sign(claims, typ: "JWT"),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        var response = await PostLogoutAsync(_b, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.True(await reader.IsSignedInAsync(_a));
        Assert.True(await reader.IsSignedInAsync(_b));
    }

    [Fact]
    public async Task Refuses_requests_that_are_not_a_logout_token_form_post()
    {
        var client = _a.CreateReader();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/backchannel-logout/pliro", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/backchannel-logout/pliro", new FormUrlEncodedContent([]))).StatusCode);
        var unknown = await PostLogoutAsync(_a, _minter.Sign(_minter.Claims(Now, "cus_1", "sid-1")), "nobody");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Ends_every_session_of_the_subject_when_the_provider_is_set_to_send_no_sid()
    {
        using var portal = new PortalFactory(PortalSetup.Pliro(_minter).With(new Dictionary<string, string?> { ["Providers:pliro:LogoutTokenRequiresSessionId"] = "false" }));
        var phone = new ReaderClient();
        var laptop = new ReaderClient();
        await phone.SignInAsync(portal, "cus_9", "sid-phone");
        await laptop.SignInAsync(portal, "cus_9", "sid-laptop");

        var response = await PostLogoutAsync(portal, _minter.Sign(With(_minter.Claims(portal.Clock.GetUtcNow(), "cus_9", null), "sid", null)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await phone.IsSignedInAsync(portal));
        Assert.False(await laptop.IsSignedInAsync(portal));
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> claims, string name, object? value)
    {
        var copy = new Dictionary<string, object?>(claims) { [name] = value };
        if (value is null)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static Task<HttpResponseMessage> PostLogoutAsync(PortalFactory instance, string token, string provider = "pliro") =>
        instance.CreateReader().PostAsync($"/backchannel-logout/{provider}", new FormUrlEncodedContent([new("logout_token", token)]));

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }
}
