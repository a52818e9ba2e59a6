using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>
/// OIDC Core §12.2: an ID token in a refresh response is accepted only when it is the original authentication's
/// person, for us, from the provider, signed with its keys and newly issued; anything else refuses the whole response.
/// Each refusal asserts its own reason, so a test fails when the check it names is taken out even if a later check
/// would still refuse the token.
/// </summary>
public sealed class RefreshTests
{
    private const string RefreshToken = "rt-of-the-refresh-tests";

    private static async Task<Scenario> SignedInAsync(Action<ProviderBehaviour>? refresh = null)
    {
        var s = await Scenario.StartAsync(arrange: p =>
        {
            p.Behaviour.RefreshToken = RefreshToken;
            p.Behaviour.RefreshIdToken = true;
        });
        await s.AssertSignedInAsync(await s.SignInAsync());
        refresh?.Invoke(s.Provider.Behaviour);
        return s;
    }

    private static Task<OidcRefreshedTokens> RefreshAsync(Scenario s, string? originalIdToken) =>
        s.Site.Services.GetRequiredService<OidcTokenRefresher>().RefreshAsync(Scenario.Key, RefreshToken, originalIdToken);

    private static async Task RefusedAsync(Scenario s, string because, string? originalIdToken = null)
    {
        var refused = await Assert.ThrowsAsync<OidcAuthenticationException>(() => RefreshAsync(s, originalIdToken ?? s.Provider.LastIssuedIdToken));

        Assert.Equal(OidcErrorCodes.InvalidIdToken, refused.Error);
        s.AssertLogged("so the refresh is refused");
        s.AssertLogged(because);
        AssertNoTokenLogged(s);
    }

    private static void AssertNoTokenLogged(Scenario s)
    {
        var logged = s.Site.Logs.Text;
        Assert.DoesNotContain(s.Provider.LastIssuedIdToken!, logged, StringComparison.Ordinal);
        if (s.Provider.LastRefreshIdToken is { } refreshed)
        {
            Assert.DoesNotContain(refreshed, logged, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("at-refreshed-", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, logged, StringComparison.Ordinal);
    }

    /// <summary>The payload of the ID token issued at sign-in.</summary>
    private static JsonObject OriginalClaims(Scenario s) =>
        JsonNode.Parse(WebEncoders.Base64UrlDecode(s.Provider.LastIssuedIdToken!.Split('.')[1]))!.AsObject();

    /// <summary>
    /// The original ID token as another session could have kept it: only its payload is changed, since the relying
    /// party reads its own stored copy without checking the signature again.
    /// </summary>
    private static string OriginalWith(Scenario s, Action<JsonObject> change)
    {
        var parts = s.Provider.LastIssuedIdToken!.Split('.');
        var claims = OriginalClaims(s);
        change(claims);
        parts[1] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return string.Join('.', parts);
    }

    [Fact]
    public async Task A_refreshed_id_token_of_the_same_authentication_is_accepted()
    {
        await using var s = await SignedInAsync();

        var renewed = await RefreshAsync(s, s.Provider.LastIssuedIdToken);

        Assert.StartsWith("at-refreshed-", renewed.AccessToken);
        Assert.NotNull(renewed.IdToken);
        Assert.NotEqual(s.Provider.LastIssuedIdToken, renewed.IdToken);
        AssertNoTokenLogged(s);
    }

    [Fact]
    public async Task A_refresh_without_an_id_token_renews_the_access_token_only()
    {
        await using var s = await SignedInAsync(b => b.RefreshIdToken = false);

        var renewed = await RefreshAsync(s, s.Provider.LastIssuedIdToken);

        Assert.StartsWith("at-refreshed-", renewed.AccessToken);
        Assert.Null(renewed.IdToken);
    }

    [Fact]
    public async Task Without_the_original_id_token_a_refreshed_one_cannot_be_checked_and_is_not_used()
    {
        await using var s = await SignedInAsync();

        var renewed = await RefreshAsync(s, originalIdToken: null);

        Assert.StartsWith("at-refreshed-", renewed.AccessToken);
        Assert.Null(renewed.IdToken);
        s.AssertLogged("no original to check it against");
        AssertNoTokenLogged(s);
    }

    [Theory]
    [InlineData("no nonce")]
    [InlineData("the original's nonce")]
    [InlineData("no auth_time")]
    public async Task What_section_12_2_leaves_open_is_accepted(string variant)
    {
        await using var s = await SignedInAsync();
        var originalNonce = OriginalClaims(s)["nonce"]!.GetValue<string>();
        s.Provider.Behaviour.MutateRefreshIdToken = c =>
        {
            switch (variant)
            {
                case "the original's nonce": c["nonce"] = originalNonce; break;
                case "no auth_time": c.Remove("auth_time"); break;
            }
        };

        Assert.NotNull((await RefreshAsync(s, s.Provider.LastIssuedIdToken)).IdToken);
    }

    public static TheoryData<string, string> Twists() => new()
    {
        { "another issuer", "issued by another issuer" },
        { "another subject", "another subject (sub) than the original" },
        { "no subject", "has no subject (sub)" },
        { "for another client", "meant for another client (aud)" },
        { "another audience too", "audience (aud) differs from the original's" },
        { "an azp the original lacked", "authorized party (azp) differs" },
        { "a new auth_time", "(auth_time) is not the original's" },
        { "another sign-in's nonce", "nonce other than the original's" },
        { "expired", "The ID token has expired" },
        { "no exp", "has no expiry (exp)" },
        { "issued in the future", "claims to be issued in the future (iat)" },
        { "issued long ago", "was not issued now (iat)" },
        { "older than the original", "older than the original (iat)" },
        { "no iat", "has no issue time (iat)" },
        { "an at_hash of another token", "(at_hash) does not match" },
    };

    [Theory]
    [MemberData(nameof(Twists))]
    public async Task A_refreshed_id_token_that_breaks_section_12_2_refuses_the_refresh(string twist, string because)
    {
        await using var s = await SignedInAsync();
        var originalIat = OriginalClaims(s)["iat"]!.GetValue<long>();
        s.Provider.Behaviour.MutateRefreshIdToken = c =>
        {
            var now = DateTimeOffset.UtcNow;
            switch (twist)
            {
                case "another issuer": c["iss"] = "https://evil.test"; break;
                case "another subject": c["sub"] = "cus_someone_else"; break;
                case "no subject": c.Remove("sub"); break;
                case "for another client": c["aud"] = "other-client"; break;
                case "another audience too": c["aud"] = new[] { HostileProvider.ClientId, "other-client" }; c["azp"] = HostileProvider.ClientId; break;
                case "an azp the original lacked": c["azp"] = HostileProvider.ClientId; break;
                case "a new auth_time": c["auth_time"] = now.AddMinutes(1).ToUnixTimeSeconds(); break;
                case "another sign-in's nonce": c["nonce"] = "nonce-of-another-sign-in"; break;
                case "expired": c["exp"] = now.AddMinutes(-10).ToUnixTimeSeconds(); break;
                case "no exp": c.Remove("exp"); break;
                case "issued in the future": c["iat"] = now.AddMinutes(10).ToUnixTimeSeconds(); break;
                case "issued long ago": c["iat"] = now.AddMinutes(-10).ToUnixTimeSeconds(); break;
                // Inside the clock skew, so only the comparison with the original can tell.
                case "older than the original": c["iat"] = originalIat - 1; break;
                case "no iat": c.Remove("iat"); break;
                case "an at_hash of another token": c["at_hash"] = JwtWriter.AtHash("at-someone-elses"); break;
                default: throw new ArgumentOutOfRangeException(nameof(twist));
            }
        };

        await RefusedAsync(s, because);
    }

    [Fact]
    public async Task A_refreshed_id_token_from_another_issuer_than_the_originals_refuses_the_refresh()
    {
        // The provider's issuer setting matches the new token; the session was signed in under another issuer.
        await using var s = await SignedInAsync();

        await RefusedAsync(s, "issuer (iss) is not the original's", OriginalWith(s, c => c["iss"] = "https://old-issuer.test"));
    }

    [Fact]
    public async Task An_auth_time_the_original_did_not_carry_refuses_the_refresh()
    {
        await using var s = await SignedInAsync();

        await RefusedAsync(s, "(auth_time) is not the original's", OriginalWith(s, c => c.Remove("auth_time")));
    }

    [Fact]
    public async Task A_nonce_when_the_original_had_none_refuses_the_refresh()
    {
        await using var s = await SignedInAsync(b => b.MutateRefreshIdToken = c => c["nonce"] = "nonce-of-another-sign-in");

        await RefusedAsync(s, "nonce other than the original's", OriginalWith(s, c => c.Remove("nonce")));
    }

    [Fact]
    public async Task An_unreadable_original_refuses_a_refreshed_id_token()
    {
        await using var s = await SignedInAsync();

        await RefusedAsync(s, "original ID token cannot be read", "not-a-jwt");
    }

    [Theory]
    [InlineData(TokenSigning.TamperedSignature, "signature is not valid")]
    [InlineData(TokenSigning.UnpublishedKey, "signature is not valid")]
    [InlineData(TokenSigning.AlgNone, "'none', which is not allowed")]
    [InlineData(TokenSigning.HmacWithPublicKey, "'HS256', which is not allowed")]
    public async Task A_refreshed_id_token_not_signed_with_the_providers_keys_refuses_the_refresh(TokenSigning signing, string because)
    {
        await using var s = await SignedInAsync(b => b.Signing = signing);

        await RefusedAsync(s, because);
    }

    [Fact]
    public async Task The_original_id_token_sent_back_is_not_a_refreshed_one()
    {
        await using var s = await SignedInAsync(b => b.ReplayIdTokenOnRefresh = true);

        await RefusedAsync(s, "sent the original ID token back");
    }
}
