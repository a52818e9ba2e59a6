using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>Discovery (OpenID Connect Discovery 1.0 §4) and the JWKS (RFC 7517) with the public key only.</summary>
internal static class MetadataEndpoints
{
    public static Task DiscoveryAsync(HttpContext context, StandInProvider provider) =>
        ProtocolResponses.JsonAsync(context, provider.Discovery());

    public static Task JwksAsync(HttpContext context, StandInProvider provider) =>
        ProtocolResponses.JsonAsync(context, new JsonObject { ["keys"] = new JsonArray(provider.SigningKey.PublicJwk.DeepClone()) });
}
