using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Logout;

/// <summary>Back-Channel Logout 1.0 §2.6, with the checks Pliro's sign-out notifications list (docs/providers/pliro.md): one test per check.</summary>
public sealed class LogoutTokenValidatorTests : IAsyncLifetime
{
    private Scenario _s = null!;

    public async Task InitializeAsync() => _s = await Scenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private string Token(Action<Dictionary<string, object?>>? claims = null, Action<Dictionary<string, object?>>? header = null,
        TokenSigning signing = TokenSigning.Normal) => Token(_s, claims, header, signing);

    private static string Token(Scenario scenario, Action<Dictionary<string, object?>>? claims = null,
        Action<Dictionary<string, object?>>? header = null, TokenSigning signing = TokenSigning.Normal)
    {
        var payload = new Dictionary<string, object?>
        {
            ["iss"] = scenario.Provider.Issuer,
            ["aud"] = HostileProvider.ClientId,
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["sub"] = HostileProvider.Subject,
            ["sid"] = "sess-42",
            ["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>() },
        };
        claims?.Invoke(payload);
        var head = new Dictionary<string, object?> { ["typ"] = "logout+jwt", ["kid"] = scenario.Provider.CurrentKey.Kid };
        header?.Invoke(head);
        return JwtWriter.Write(head, payload, scenario.Provider.CurrentKey, signing);
    }

    private Task<LogoutTokenValidationResult> ValidateAsync(string token) =>
        _s.Site.Services.GetRequiredService<LogoutTokenValidator>().ValidateAsync(Scenario.Key, token);

    private async Task RefusedAsync(string token, string reason)
    {
        var result = await ValidateAsync(token);
        Assert.False(result.Succeeded);
        Assert.Null(result.SessionId);
        Assert.Contains(reason, result.FailureReason);
    }

    [Fact]
    public async Task Accepts_a_valid_logout_token_and_returns_its_session()
    {
        var result = await ValidateAsync(Token());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("sess-42", result.SessionId);
        Assert.Equal(HostileProvider.Subject, result.Subject);
        Assert.Equal(_s.Provider.Issuer, result.Issuer);
        Assert.False(string.IsNullOrEmpty(result.TokenId));
        Assert.NotNull(result.ExpiresAt);
    }

    [Fact]
    public async Task Accepts_a_token_without_sid_only_from_a_provider_that_ends_sessions_by_subject()
    {
        await using var bySubject = await Scenario.StartAsync(configure: o => o.LogoutTokenRequiresSessionId = false);
        var result = await bySubject.Site.Services.GetRequiredService<LogoutTokenValidator>()
            .ValidateAsync(Scenario.Key, Token(bySubject, c => c.Remove("sid")));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Null(result.SessionId);
        Assert.Equal(HostileProvider.Subject, result.Subject);
    }

    [Fact]
    public async Task Uses_the_providers_jti_as_the_token_id()
    {
        var result = await ValidateAsync(Token(c => c["jti"] = "jti-from-provider"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("jti-from-provider", result.TokenId);
    }

    [Fact]
    public async Task Accepts_a_token_without_jti_as_pliro_sends_them_with_an_id_derived_from_the_event()
    {
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var first = await ValidateAsync(Token(c => { c.Remove("jti"); c["iat"] = iat; }));
        var replay = await ValidateAsync(Token(c => { c.Remove("jti"); c["iat"] = iat; c["extra"] = "re-encoded"; }));
        var otherSession = await ValidateAsync(Token(c => { c.Remove("jti"); c["iat"] = iat; c["sid"] = "sess-43"; }));
        var later = await ValidateAsync(Token(c => { c.Remove("jti"); c["iat"] = iat - 1; }));

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.StartsWith("derived:", first.TokenId, StringComparison.Ordinal);
        Assert.True(first.TokenId!.Length <= 255);
        // The web app refuses a token id it has honoured: the same event, however encoded, has the same id...
        Assert.Equal(first.TokenId, replay.TokenId);
        // ...and another event has another.
        Assert.NotEqual(first.TokenId, otherSession.TokenId);
        Assert.NotEqual(first.TokenId, later.TokenId);
    }

    [Fact]
    public Task Refuses_a_tampered_signature() => RefusedAsync(Token(signing: TokenSigning.TamperedSignature), "signature");

    [Fact]
    public Task Refuses_alg_none() => RefusedAsync(Token(signing: TokenSigning.AlgNone), "'none'");

    [Fact]
    public Task Refuses_hmac_with_the_public_key() => RefusedAsync(Token(signing: TokenSigning.HmacWithPublicKey), "'HS256'");

    [Fact]
    public Task Refuses_another_issuer() => RefusedAsync(Token(c => c["iss"] = "https://evil.test"), "iss");

    [Fact]
    public Task Refuses_another_audience() => RefusedAsync(Token(c => c["aud"] = "other-client"), "aud");

    [Fact]
    public Task Refuses_iat_in_the_future() => RefusedAsync(Token(c => c["iat"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds()), "future");

    [Fact]
    public Task Refuses_a_token_older_than_the_allowed_age() =>
        RefusedAsync(Token(c =>
        {
            c["iat"] = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds();
            c.Remove("exp");
        }), "too old");

    [Fact]
    public Task Refuses_a_token_without_iat() => RefusedAsync(Token(c => c.Remove("iat")), "iat");

    [Fact]
    public Task Refuses_a_token_without_sub() => RefusedAsync(Token(c => c.Remove("sub")), "sub");

    [Fact]
    public Task Refuses_a_token_without_sid() => RefusedAsync(Token(c => c.Remove("sid")), "sid");

    [Fact]
    public Task Refuses_a_token_without_the_logout_event() =>
        RefusedAsync(Token(c => c["events"] = new Dictionary<string, object> { ["http://example.test/other"] = new Dictionary<string, object>() }), "events");

    [Fact]
    public Task Refuses_a_token_carrying_a_nonce() => RefusedAsync(Token(c => c["nonce"] = "n"), "nonce");

    [Fact]
    public Task Refuses_a_token_without_logout_typ() => RefusedAsync(Token(header: h => h["typ"] = "JWT"), "typ");

    [Fact]
    public Task Refuses_garbage() => RefusedAsync("not-a-jwt", "well-formed");

    [Fact]
    public async Task Refuses_a_token_for_a_provider_that_is_not_configured()
    {
        var result = await _s.Site.Services.GetRequiredService<LogoutTokenValidator>().ValidateAsync("nobody", Token());

        Assert.False(result.Succeeded);
        Assert.Contains("not configured", result.FailureReason);
    }
}
