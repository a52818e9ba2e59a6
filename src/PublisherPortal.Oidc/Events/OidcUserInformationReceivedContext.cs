using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace PublisherPortal.Oidc;

/// <summary>The userinfo response, already checked to belong to the ID token's subject.</summary>
public sealed class OidcUserInformationReceivedContext : ResultContext<OidcProviderOptions>
{
    public OidcUserInformationReceivedContext(HttpContext context, AuthenticationScheme scheme, OidcProviderOptions options,
        ClaimsPrincipal principal, AuthenticationProperties properties, JsonElement user)
        : base(context, scheme, options)
    {
        Principal = principal;
        Properties = properties;
        User = user;
    }

    public JsonElement User { get; }
}
