using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// The authorization-code exchange (RFC 6749 §4.1.3, OIDC Core §3.1.3.1) and refresh (§6). Every way the token endpoint can
/// misbehave becomes an <see cref="OidcAuthenticationException"/> with a code the error page can explain. Whether the
/// answer must hold an ID token is the caller's decision (PixelPin's documented answer has none).
/// </summary>
internal static class TokenEndpointClient
{
    public static Task<OpenIdConnectMessage> RedeemCodeAsync(
        OidcProviderOptions options, string tokenEndpoint, string code, string redirectUri, string? codeVerifier,
        ILogger logger, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
        };
        if (codeVerifier is not null)
        {
            form["code_verifier"] = codeVerifier;
        }

        return SendAsync(options, tokenEndpoint, form, logger, cancellationToken);
    }

    /// <summary>
    /// RFC 6749 §6: a new access token from a refresh token, with the same client authentication as the code exchange.
    /// The provider may rotate the refresh token; the caller keeps the old one when none comes back.
    /// </summary>
    public static Task<OpenIdConnectMessage> RefreshAsync(
        OidcProviderOptions options, string tokenEndpoint, string refreshToken, ILogger logger, CancellationToken cancellationToken) =>
        SendAsync(options, tokenEndpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, logger, cancellationToken);

    private static async Task<OpenIdConnectMessage> SendAsync(
        OidcProviderOptions options, string tokenEndpoint, Dictionary<string, string> form, ILogger logger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint);
        if (options.TokenEndpointAuthMethod == OidcClientAuthenticationMethod.ClientSecretBasic)
        {
            // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined and base64-encoded.
            var credentials = Uri.EscapeDataString(options.ClientId!) + ":" + Uri.EscapeDataString(options.ClientSecret!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            form["client_id"] = options.ClientId!;
            form["client_secret"] = options.ClientSecret!;
        }
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var answer = await Backchannel.SendAsync(options, request, "token", logger, cancellationToken)
            ?? throw new OidcAuthenticationException(options.Key, OidcErrorCodes.TokenEndpointError,
                "The provider did not answer the sign-in in time. Please try again.");
        var json = answer.JsonObject();
        if (!answer.IsSuccess)
        {
            if (json is { } error && error.TryGetProperty("error", out var code) && code.ValueKind == JsonValueKind.String)
            {
                // RFC 6749 §5.2: keep the provider's code; its description is logged, made inert.
                var errorCode = code.GetString()!;
                var description = error.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
                logger.TokenEndpointRefused(options.Key, (int)answer.Status, OidcFailureRedirect.SafeCode(errorCode), OidcFailureRedirect.SafeText(description));
                throw new OidcAuthenticationException(options.Key, errorCode, "The provider refused the sign-in code.");
            }
            logger.TokenEndpointRefused(options.Key, (int)answer.Status, "(no JSON error)", "");
            throw new OidcAuthenticationException(options.Key, OidcErrorCodes.TokenEndpointError,
                $"The provider's token endpoint answered HTTP {(int)answer.Status}. Please try again later.");
        }

        if (json is not { } body)
        {
            logger.TokenEndpointRefused(options.Key, (int)answer.Status, "(response is not a JSON object)", "");
            throw new OidcAuthenticationException(options.Key, OidcErrorCodes.InvalidTokenResponse,
                "The provider's token endpoint did not answer with a JSON token response.");
        }

        var message = new OpenIdConnectMessage { EnableTelemetryParameters = false };
        foreach (var property in body.EnumerateObject())
        {
            message.SetParameter(property.Name, property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()
                : property.Value.GetRawText());
        }
        if (!string.IsNullOrEmpty(message.Error))
        {
            throw new OidcAuthenticationException(options.Key, message.Error, "The provider refused the sign-in code.");
        }
        if (string.IsNullOrEmpty(message.AccessToken))
        {
            throw new OidcAuthenticationException(options.Key, OidcErrorCodes.InvalidTokenResponse,
                "The provider's token response carried no access token.");
        }
        return message;
    }
}
