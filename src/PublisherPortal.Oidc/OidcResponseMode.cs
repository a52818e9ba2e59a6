namespace PublisherPortal.Oidc;

/// <summary>How the provider returns the authorization response to <c>/signin-{key}</c>.</summary>
public enum OidcResponseMode
{
    /// <summary>Parameters in the redirect's query string (the OAuth 2.0 default for <c>code</c>).</summary>
    Query,

    /// <summary>OAuth 2.0 Form Post Response Mode: the browser POSTs the parameters.</summary>
    FormPost,
}
