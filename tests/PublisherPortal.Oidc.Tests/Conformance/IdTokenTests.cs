using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>ID token validation (OIDC Core §3.1.3.7), one RP certification case per test.</summary>
public sealed class IdTokenTests
{
    private static async Task RefusedAsync(Action<HostileProvider> arrange, string error = OidcErrorCodes.InvalidIdToken, string? because = null)
    {
        await using var s = await Scenario.StartAsync(arrange: arrange);
        var page = await s.SignInAsync();
        await s.AssertRefusedAsync(page, error);
        if (because is not null)
        {
            s.AssertLogged(because);
        }
    }

    [Fact]
    public Task Refuses_id_token_with_invalid_signature() =>
        RefusedAsync(p => p.Behaviour.Signing = TokenSigning.TamperedSignature, because: "signature");

    [Fact]
    public Task Refuses_id_token_signed_with_unknown_key() =>
        RefusedAsync(p => p.Behaviour.Signing = TokenSigning.UnpublishedKey, because: "signature");

    [Fact]
    public Task Refuses_unsigned_id_token_with_alg_none() =>
        RefusedAsync(p => p.Behaviour.Signing = TokenSigning.AlgNone, because: "'none'");

    [Fact]
    public Task Refuses_id_token_signed_with_hmac_keyed_by_the_public_key() =>
        RefusedAsync(p => p.Behaviour.Signing = TokenSigning.HmacWithPublicKey, because: "'HS256'");

    [Fact]
    public Task Refuses_id_token_from_another_issuer() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["iss"] = "https://evil.test", because: "issuer");

    [Fact]
    public Task Refuses_id_token_without_issuer() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c.Remove("iss"), because: "iss");

    [Fact]
    public Task Refuses_id_token_with_issuer_differing_only_by_trailing_slash() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["iss"] = p.Issuer + "/", because: "issuer");

    [Fact]
    public Task Refuses_id_token_for_another_audience() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["aud"] = "someone-else", because: "aud");

    [Fact]
    public Task Refuses_id_token_without_audience() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c.Remove("aud"), because: "aud");

    [Fact]
    public Task Refuses_id_token_with_several_audiences_and_no_azp() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["aud"] = new[] { HostileProvider.ClientId, "other-client" }, because: "azp");

    [Fact]
    public Task Refuses_id_token_whose_azp_is_another_client() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c =>
        {
            c["aud"] = new[] { HostileProvider.ClientId, "other-client" };
            c["azp"] = "other-client";
        }, because: "azp");

    [Fact]
    public async Task Accepts_id_token_with_several_audiences_and_azp_naming_us()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.MutateIdToken = c =>
        {
            c["aud"] = new[] { HostileProvider.ClientId, "other-client" };
            c["azp"] = HostileProvider.ClientId;
        });
        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public Task Refuses_expired_id_token() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["exp"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds(), because: "expired");

    [Fact]
    public Task Refuses_id_token_without_expiry() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c.Remove("exp"), because: "exp");

    [Fact]
    public Task Refuses_id_token_without_iat() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c.Remove("iat"), because: "iat");

    [Fact]
    public Task Refuses_id_token_issued_in_the_future() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["iat"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), because: "future");

    [Fact]
    public async Task Accepts_id_token_within_the_clock_skew()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.MutateIdToken = c =>
        {
            c["iat"] = DateTimeOffset.UtcNow.AddSeconds(60).ToUnixTimeSeconds();
            c["exp"] = DateTimeOffset.UtcNow.AddSeconds(-60).ToUnixTimeSeconds();
        });
        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public Task Refuses_id_token_without_nonce() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c.Remove("nonce"), because: "nonce");

    [Fact]
    public Task Refuses_id_token_with_wrong_nonce() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["nonce"] = "a-nonce-from-another-journey", because: "nonce");

    [Fact]
    public Task Refuses_id_token_without_subject() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c.Remove("sub"), because: "sub");

    [Fact]
    public Task Refuses_id_token_whose_at_hash_does_not_match_the_access_token() =>
        RefusedAsync(p => p.Behaviour.MutateIdToken = c => c["at_hash"] = JwtWriter.AtHash("another-access-token"), because: "at_hash");

    [Fact]
    public async Task Accepts_id_token_without_at_hash()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.MutateIdToken = c => c.Remove("at_hash"));
        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public Task Refuses_logout_token_presented_as_id_token() =>
        RefusedAsync(p => p.Behaviour.MutateIdTokenHeader = h => h["typ"] = "logout+jwt", because: "logout token");
}
