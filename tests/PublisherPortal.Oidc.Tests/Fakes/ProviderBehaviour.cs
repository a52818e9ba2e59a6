namespace PublisherPortal.Oidc.Tests.Fakes;

/// <summary>
/// The knobs of the hostile provider. Each default is correct behaviour; a test twists one knob to
/// produce one misbehaviour from the OpenID relying-party certification list.
/// </summary>
public sealed class ProviderBehaviour
{
    // Discovery
    public string? DiscoveryIssuer { get; set; }
    public bool AdvertiseIssParameter { get; set; }
    public bool PublishEndSession { get; set; } = true;

    /// <summary>False: no discovery document (404), as Pliro's documents promise none and PiPA has none.</summary>
    public bool PublishDiscovery { get; set; } = true;

    /// <summary>False: the end-session redirect back carries no state (Pliro's documented behaviour).</summary>
    public bool EchoSignOutState { get; set; } = true;

    // Authorization response
    public bool SendIssParameter { get; set; } = true;
    public string? IssParameterOverride { get; set; }
    public string? AuthorizeError { get; set; }
    public string? AuthorizeErrorDescription { get; set; }
    public string? StateOverride { get; set; }
    /// <summary>Hand out this (possibly already used) code instead of a fresh one.</summary>
    public string? CodeOverride { get; set; }
    /// <summary>The reader's last authentication time, for auth_time; null = now.</summary>
    public DateTimeOffset? AuthTime { get; set; }

    // Token endpoint
    /// <summary>"client_secret_basic" or "client_secret_post": any other way of authenticating gets 401 invalid_client.</summary>
    public string ExpectedClientAuth { get; set; } = "client_secret_basic";
    public TokenEndpointFailure TokenFailure { get; set; }
    public TokenSigning Signing { get; set; }
    public bool OmitKid { get; set; }
    /// <summary>Sign with this published key instead of the current one.</summary>
    public string? SignWithKid { get; set; }
    public Action<Dictionary<string, object?>>? MutateIdToken { get; set; }
    public Action<Dictionary<string, object?>>? MutateIdTokenHeader { get; set; }
    public string? RefreshToken { get; set; }

    /// <summary>Answer a refresh with an ID token re-issued now, as OIDC Core §12.2 allows.</summary>
    public bool RefreshIdToken { get; set; }

    /// <summary>Twists the claims of the ID token a refresh returns (they start as the original's, re-issued now).</summary>
    public Action<Dictionary<string, object?>>? MutateRefreshIdToken { get; set; }

    /// <summary>Answer a refresh with the ID token issued at sign-in, unchanged (a replay).</summary>
    public bool ReplayIdTokenOnRefresh { get; set; }

    /// <summary>A token response of access_token and expires_in only, as PixelPin documents it.</summary>
    public bool OmitIdToken { get; set; }

    // Userinfo
    public string? UserInfoSub { get; set; }
    /// <summary>A profile without sub, as PixelPin documents it (id, firstName, email).</summary>
    public bool UserInfoOmitSub { get; set; }
    public UserInfoFailure UserInfoFailure { get; set; }
    public Dictionary<string, object?> UserInfoExtra { get; } = [];
}

public enum UserInfoFailure
{
    None,
    /// <summary>401 with WWW-Authenticate: Bearer error="invalid_token" (an expired token at Pliro).</summary>
    InvalidToken,
    ServerError,
}

public enum TokenEndpointFailure
{
    None,
    ServerError,
    NonJson,
    InvalidClient,
}
