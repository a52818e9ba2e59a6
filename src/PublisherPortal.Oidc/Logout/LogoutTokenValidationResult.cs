namespace PublisherPortal.Oidc;

/// <summary>
/// The outcome of checking a back-channel logout token: whose sessions to end (by <see cref="SessionId"/>, or by
/// <see cref="Subject"/> when the provider sends no sid), the token's id for replay detection until
/// <see cref="ExpiresAt"/>, or why it was refused.
/// </summary>
public sealed record LogoutTokenValidationResult(
    bool Succeeded, string? Issuer, string? Subject, string? SessionId, string? TokenId, DateTimeOffset? ExpiresAt, string? FailureReason)
{
    public static LogoutTokenValidationResult Success(string issuer, string subject, string? sessionId, string tokenId, DateTimeOffset expiresAt) =>
        new(true, issuer, subject, sessionId, tokenId, expiresAt, null);

    public static LogoutTokenValidationResult Failure(string reason) => new(false, null, null, null, null, null, reason);
}
