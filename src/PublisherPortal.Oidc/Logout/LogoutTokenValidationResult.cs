namespace PublisherPortal.Oidc;

/// <summary>The outcome of checking a back-channel logout token: the session to end, or why it was refused.</summary>
public sealed record LogoutTokenValidationResult(bool Succeeded, string? Subject, string? SessionId, string? FailureReason)
{
    public static LogoutTokenValidationResult Success(string subject, string sessionId) => new(true, subject, sessionId, null);

    public static LogoutTokenValidationResult Failure(string reason) => new(false, null, null, reason);
}
