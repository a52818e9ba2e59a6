using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>The outgoing authorization or end-session request. Call <c>HandleResponse()</c> to send it yourself.</summary>
public sealed class OidcRedirectContext : PropertiesContext<OidcProviderOptions>
{
    public OidcRedirectContext(HttpContext context, AuthenticationScheme scheme, OidcProviderOptions options,
        AuthenticationProperties properties, OpenIdConnectMessage protocolMessage)
        : base(context, scheme, options, properties)
    {
        ProtocolMessage = protocolMessage;
    }

    public OpenIdConnectMessage ProtocolMessage { get; set; }

    public bool Handled { get; private set; }

    public void HandleResponse() => Handled = true;
}
