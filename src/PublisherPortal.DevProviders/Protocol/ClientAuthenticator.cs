using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// Client authentication at the token endpoint, with exactly one method per provider (docs/providers/README.md, side by side):
/// Pliro takes HTTP Basic only (RFC 6749 §2.3.1), the others client_secret_post only. Any other method fails
/// the way the real provider would, so the portal's configured method is really exercised.
/// </summary>
internal static class ClientAuthenticator
{
    /// <summary>Null when the client authenticated; otherwise the error, description and HTTP status to answer.</summary>
    public static (string Error, string Description, int Status)? Authenticate(HttpContext context, IFormCollection form, StandInProvider provider)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var hasBasic = header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        var bodyId = form["client_id"].ToString();
        var bodySecret = form["client_secret"].ToString();
        string clientId;
        string secret;

        if (provider.ClientAuthentication == TokenClientAuthentication.Basic)
        {
            if (hasBasic && bodySecret.Length > 0)
            {
                return ("invalid_request", "The request uses more than one client authentication method.", StatusCodes.Status400BadRequest);
            }

            if (!hasBasic)
            {
                return ("invalid_client", $"{provider.DisplayName} requires HTTP Basic client authentication (client_secret_basic).", StatusCodes.Status401Unauthorized);
            }

            if (!TryParseBasic(header, out clientId, out secret))
            {
                return ("invalid_client", "The Authorization header is malformed.", StatusCodes.Status401Unauthorized);
            }

            if (bodyId.Length > 0 && bodyId != clientId)
            {
                return ("invalid_request", "client_id in the body differs from the authenticated client.", StatusCodes.Status400BadRequest);
            }
        }
        else
        {
            if (hasBasic)
            {
                return ("invalid_client", $"{provider.DisplayName} expects client_id and client_secret in the form body (client_secret_post).", StatusCodes.Status401Unauthorized);
            }

            if (bodyId.Length == 0 || bodySecret.Length == 0)
            {
                return ("invalid_client", "client_id and client_secret are required in the form body.", StatusCodes.Status401Unauthorized);
            }

            clientId = bodyId;
            secret = bodySecret;
        }

        var registered = provider.Client;
        var secretMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(registered.ClientSecret));
        if (clientId != registered.ClientId || !secretMatches)
        {
            return ("invalid_client", "Unknown client or wrong client secret.", StatusCodes.Status401Unauthorized);
        }

        return null;
    }

    private static bool TryParseBasic(string header, out string clientId, out string secret)
    {
        clientId = secret = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
        clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return true;
    }
}
