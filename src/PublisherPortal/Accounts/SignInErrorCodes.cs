using PublisherPortal.Oidc;

namespace PublisherPortal.Accounts;

/// <summary>The error codes the sign-in error page may show as a support reference: the protocol's and our relying party's.</summary>
public static class SignInErrorCodes
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        // OAuth 2.0 (RFC 6749 §4.1.2.1, §5.2) and OpenID Connect Core §3.1.2.6.
        "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope", "server_error",
        "temporarily_unavailable", "invalid_client", "invalid_grant", "unsupported_grant_type", "interaction_required",
        "login_required", "account_selection_required", "consent_required", "invalid_request_uri", "invalid_request_object",
        "request_not_supported", "request_uri_not_supported", "registration_not_supported",
        OidcErrorCodes.InvalidState, OidcErrorCodes.CorrelationFailed, OidcErrorCodes.StateReplayed, OidcErrorCodes.IssuerMismatch,
        OidcErrorCodes.IssuerMissing, OidcErrorCodes.MissingCode, OidcErrorCodes.TokenEndpointError, OidcErrorCodes.InvalidTokenResponse,
        OidcErrorCodes.InvalidIdToken, OidcErrorCodes.InvalidUserInfo, OidcErrorCodes.ProviderConfiguration, OidcErrorCodes.Refused,
    };

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
