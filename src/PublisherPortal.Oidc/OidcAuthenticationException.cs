namespace PublisherPortal.Oidc;

/// <summary>
/// Why a sign-in failed: the error code (ours from <see cref="OidcErrorCodes"/> or the provider's),
/// a description safe to show a reader, and the provider key. Never carries tokens or secrets.
/// </summary>
public sealed class OidcAuthenticationException : Exception
{
    public OidcAuthenticationException(string providerKey, string error, string description, string? errorUri = null, Exception? inner = null)
        : base($"Sign-in with '{providerKey}' failed: {error}: {description}", inner)
    {
        ProviderKey = providerKey;
        Error = error;
        ErrorDescription = description;
        ErrorUri = errorUri;
    }

    public string ProviderKey { get; }

    public string Error { get; }

    public string ErrorDescription { get; }

    public string? ErrorUri { get; }
}
