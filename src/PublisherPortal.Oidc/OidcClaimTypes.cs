namespace PublisherPortal.Oidc;

/// <summary>Claim types on the principal a provider sign-in produces.</summary>
public static class OidcClaimTypes
{
    public const string Subject = "sub";
    public const string Issuer = "iss";
    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Email = "email";

    /// <summary>"true" only when the provider asserted the e-mail address verified (OIDC Core §5.1 <c>email_verified</c>).</summary>
    public const string EmailVerified = "email_verified";
    public const string SessionId = "sid";
    public const string AuthTime = "auth_time";

    /// <summary>The scheme key of the provider, e.g. <c>pliro</c>.</summary>
    public const string Provider = "provider";

    /// <summary>One claim per plan key the provider reported.</summary>
    public const string Plan = "plan";

    public const string Role = "role";
}
