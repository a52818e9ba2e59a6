namespace PublisherPortal.Oidc;

/// <summary>A provider's configuration could not be loaded or is not trustworthy.</summary>
public sealed class OidcConfigurationException : Exception
{
    public OidcConfigurationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
