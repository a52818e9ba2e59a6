using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>The validated sign-in. Add or replace claims on <see cref="ResultContext{TOptions}.Principal"/>
/// (e.g. roles), or call <c>Fail</c> to refuse it.</summary>
public sealed class OidcTokenValidatedContext : ResultContext<OidcProviderOptions>
{
    public OidcTokenValidatedContext(HttpContext context, AuthenticationScheme scheme, OidcProviderOptions options,
        ClaimsPrincipal principal, AuthenticationProperties properties, JsonWebToken? idToken, OpenIdConnectMessage tokenEndpointResponse)
        : base(context, scheme, options)
    {
        Principal = principal;
        Properties = properties;
        IdToken = idToken;
        TokenEndpointResponse = tokenEndpointResponse;
    }

    /// <summary>The validated ID token; null when the provider's documented answer has none (PixelPin: identity from userinfo).</summary>
    public JsonWebToken? IdToken { get; }

    public OpenIdConnectMessage TokenEndpointResponse { get; }
}
