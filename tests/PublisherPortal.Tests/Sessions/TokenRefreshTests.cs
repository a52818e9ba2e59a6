using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherPortal.Tests.Sessions;

public sealed class TokenRefreshTests : IDisposable
{
    private readonly LogoutTokenMinter _minter = new();
    private readonly StubTokenEndpoint _provider = new();
    private readonly PortalFactory _portal;
    private readonly ReaderClient _reader = new();

    public TokenRefreshTests() => _portal = new PortalFactory(PortalSetup.Pliro(_minter) with { ProviderBackchannel = _provider });

    private Task SignInAsync(TimeSpan expiresIn, string refreshToken = "refresh-1", string? idToken = null) =>
        _reader.SignInAsync(_portal, "cus_1", "sid-1",
        [
            new("access_token", "access-1"),
            new("refresh_token", refreshToken),
            new("expires_at", (_portal.Clock.GetUtcNow() + expiresIn).ToString("o", CultureInfo.InvariantCulture)),
            .. idToken is null ? [] : new KeyValuePair<string, string>[] { new("id_token", idToken) },
        ]);

    /// <summary>An ID token of the reader's sign-in at Pliro, issued now, signed with the key the portal trusts.</summary>
    private string IdToken(Action<Dictionary<string, object?>>? twist = null)
    {
        var now = _portal.Clock.GetUtcNow();
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = LogoutTokenMinter.Issuer,
            ["aud"] = LogoutTokenMinter.ClientId,
            ["sub"] = "cus_1",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["auth_time"] = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
        };
        twist?.Invoke(claims);
        return _minter.Sign(claims, typ: "JWT");
    }

    private Task<string> AccessTokenAsync() => _reader.On(_portal).GetStringAsync(TestSignIn.AccessTokenPath);

    [Fact]
    public async Task A_fresh_access_token_is_used_without_calling_the_provider()
    {
        await SignInAsync(TimeSpan.FromMinutes(30));
        Assert.Equal("access-1", await AccessTokenAsync());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task An_expiring_token_is_renewed_and_the_rotated_refresh_token_is_kept_for_next_time()
    {
        _provider.Answer(HttpStatusCode.OK, new { access_token = "access-2", refresh_token = "refresh-2", token_type = "Bearer", expires_in = 3600 })
                 .Answer(HttpStatusCode.OK, new { access_token = "access-3", token_type = "Bearer", expires_in = 3600 });
        await SignInAsync(TimeSpan.FromSeconds(30)); // inside the renewal margin

        Assert.Equal("access-2", await AccessTokenAsync());
        _portal.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("access-3", await AccessTokenAsync());
        _portal.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("access-3", await AccessTokenAsync()); // renewed tokens are stored: no third call

        Assert.Equal(["refresh-1", "refresh-2"], _provider.Requests.Select(r => r.Form["refresh_token"]));
        Assert.All(_provider.Requests, r =>
        {
            Assert.Equal("refresh_token", r.Form["grant_type"]);
            // Pliro-typed provider: client_secret_basic, never the secret in the body.
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("pliro-client:pliro-secret")), r.Authorization);
            Assert.False(r.Form.ContainsKey("client_secret"));
        });
        Assert.True(await _reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task Concurrent_requests_renew_once()
    {
        _provider.Answer(HttpStatusCode.OK, new { access_token = "access-2", refresh_token = "refresh-2", token_type = "Bearer", expires_in = 3600 });
        await SignInAsync(TimeSpan.Zero);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AccessTokenAsync()));

        Assert.All(tokens, t => Assert.Equal("access-2", t));
        Assert.Single(_provider.Requests);
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session()
    {
        _provider.Answer(HttpStatusCode.BadRequest, new { error = "invalid_grant", error_description = "revoked" });
        await SignInAsync(TimeSpan.Zero);

        Assert.Equal("(none)", await AccessTokenAsync());
        Assert.False(await _reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task A_refused_refresh_leaves_the_rest_of_that_same_request_anonymous()
    {
        _provider.Answer(HttpStatusCode.BadRequest, new { error = "invalid_grant", error_description = "revoked" });
        await SignInAsync(TimeSpan.Zero);

        // The access token is asked for early in the request (the test endpoint); what runs after it sees no reader.
        var response = await _reader.On(_portal).GetStringAsync(TestSignIn.AccessTokenPath + "?then=whoami");

        Assert.Equal("(none) as anonymous", response);
    }

    [Fact]
    public async Task A_renewal_with_a_new_id_token_of_the_same_sign_in_keeps_the_session()
    {
        var original = IdToken();
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        _provider.Answer(HttpStatusCode.OK, new { access_token = "access-2", token_type = "Bearer", expires_in = 3600, id_token = IdToken() });
        await SignInAsync(TimeSpan.Zero, idToken: original);

        Assert.Equal("access-2", await AccessTokenAsync());
        Assert.True(await _reader.IsSignedInAsync(_portal));
    }

    [Theory]
    [InlineData("sub", "cus_2")]
    [InlineData("auth_time", 1767225600L)]
    [InlineData("aud", "another-client")]
    public async Task A_renewal_whose_new_id_token_is_not_the_original_sign_ins_ends_the_session(string claim, object value)
    {
        var original = IdToken();
        _provider.Answer(HttpStatusCode.OK, new { access_token = "access-2", token_type = "Bearer", expires_in = 3600, id_token = IdToken(c => c[claim] = value) });
        await SignInAsync(TimeSpan.Zero, idToken: original);

        Assert.Equal("(none)", await AccessTokenAsync());
        Assert.False(await _reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task An_unreachable_provider_keeps_the_session_but_hands_out_no_expired_token()
    {
        _provider.Answer(HttpStatusCode.ServiceUnavailable, new { });
        await SignInAsync(TimeSpan.Zero);

        Assert.Equal("(none)", await AccessTokenAsync());
        Assert.True(await _reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task A_provider_without_refresh_tokens_gets_no_expired_token_and_no_call()
    {
        await _reader.SignInAsync(_portal, "cus_1", "sid-1",
            [new("access_token", "access-1"), new("expires_at", _portal.Clock.GetUtcNow().AddSeconds(-1).ToString("o", CultureInfo.InvariantCulture))]);

        Assert.Equal("(none)", await AccessTokenAsync());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task A_plan_refresh_never_writes_back_tokens_a_concurrent_renewal_rotated()
    {
        _provider.Answer(HttpStatusCode.OK, new { access_token = "access-2", refresh_token = "refresh-2", token_type = "Bearer", expires_in = 3600 });
        await SignInAsync(TimeSpan.Zero);
        var provider = new TaskCompletionSource();
        var renewalAtProvider = _provider.HoldNextCall(provider.Task);

        // A request renews the access token and is inside the provider round trip...
        var renewal = AccessTokenAsync();
        await renewalAtProvider;

        // ...when a plan refresh of the same session starts (as Subrite's, which waits on the member API). It must
        // read the session only once the renewal has written it; read earlier, it would write the spent tokens back.
        var renewed = new TaskCompletionSource();
        await using var scope = _portal.Services.CreateAsyncScope();
        var planRefresh = scope.ServiceProvider.GetRequiredService<PublisherPortal.Sessions.ReaderSessionUpdater>()
            .UpdateAsync(RequestWithSessionCookie(scope.ServiceProvider), async identity =>
            {
                await renewed.Task;
                identity.AddClaim(new System.Security.Claims.Claim("test:plans", "read"));
                return true;
            });

        provider.SetResult();
        Assert.Equal("access-2", await renewal);
        renewed.SetResult();
        Assert.NotNull(await planRefresh);

        // Both writes are kept: the rotated tokens (no second renewal, nothing spent presented) and the plan refresh.
        Assert.Equal("access-2", await AccessTokenAsync());
        Assert.Equal(["refresh-1"], _provider.Requests.Select(r => r.Form["refresh_token"]));
        Assert.True(await _reader.IsSignedInAsync(_portal));
    }

    private DefaultHttpContext RequestWithSessionCookie(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(new Uri(PortalFactory.BaseUrl).Host);
        context.Request.Headers.Cookie = "portal.session=" + _reader.SessionCookie;
        return context;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _provider.Dispose();
    }
}
