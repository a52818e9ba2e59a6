namespace PublisherPortal.Oidc;

/// <summary>
/// Error codes our relying party raises itself (the <c>error</c> query value on the error page).
/// Errors the provider sends (access_denied, login_required, invalid_grant, invalid_client...) are passed
/// through with the provider's own code.
/// </summary>
public static class OidcErrorCodes
{
    /// <summary>The callback carried no state, or state we could not unprotect.</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>The correlation cookie did not match: the response was not started by this browser.</summary>
    public const string CorrelationFailed = "correlation_failed";

    /// <summary>The state was already used once.</summary>
    public const string StateReplayed = "state_replayed";

    /// <summary>RFC 9207 <c>iss</c> parameter differs from the provider's issuer (mix-up defence).</summary>
    public const string IssuerMismatch = "issuer_mismatch";

    /// <summary>RFC 9207 <c>iss</c> parameter missing although the provider advertises it.</summary>
    public const string IssuerMissing = "issuer_missing";

    /// <summary>The callback had neither an error nor a code.</summary>
    public const string MissingCode = "missing_code";

    /// <summary>Token endpoint answered 5xx, an unexpected status or timed out.</summary>
    public const string TokenEndpointError = "token_endpoint_error";

    /// <summary>Token endpoint answered something that is not a usable JSON token response.</summary>
    public const string InvalidTokenResponse = "invalid_token_response";

    /// <summary>The ID token failed validation; the description says which check.</summary>
    public const string InvalidIdToken = "invalid_id_token";

    /// <summary>The userinfo call failed or its subject differs from the ID token's.</summary>
    public const string InvalidUserInfo = "invalid_userinfo";

    /// <summary>Discovery, JWKS or configured keys could not be loaded, or discovery named another issuer.</summary>
    public const string ProviderConfiguration = "provider_configuration";

    /// <summary>The app's OnTokenValidated event refused the sign-in.</summary>
    public const string Refused = "refused";
}
