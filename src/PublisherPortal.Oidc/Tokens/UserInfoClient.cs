using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PublisherPortal.Oidc;

/// <summary>
/// The userinfo call (OIDC Core §5.3). Its <c>sub</c> must equal the ID token's (§5.3.2): otherwise a
/// substituted access token could graft another person's profile onto this sign-in.
/// </summary>
internal static class UserInfoClient
{
    public static async Task<JsonElement> GetAsync(OidcProviderOptions options, string endpoint, string accessToken, string expectedSubject,
        ILogger logger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        string body;
        try
        {
            response = await options.Backchannel.SendAsync(request, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Refuse(options, "The provider's profile service could not be reached.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                logger.UserInfoRefused(options.Key, (int)response.StatusCode);
                throw Refuse(options, $"The provider's profile service answered HTTP {(int)response.StatusCode}.");
            }
            if (response.Content.Headers.ContentType?.MediaType == "application/jwt")
            {
                throw Refuse(options, "Signed userinfo responses are not supported.");
            }

            JsonElement user;
            try
            {
                using var document = JsonDocument.Parse(body);
                user = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw Refuse(options, "The provider's profile service did not answer with JSON.", e);
            }
            if (user.ValueKind != JsonValueKind.Object)
            {
                throw Refuse(options, "The provider's profile service did not answer with a JSON object.");
            }
            if (!user.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String
                || !string.Equals(sub.GetString(), expectedSubject, StringComparison.Ordinal))
            {
                throw Refuse(options, "The provider's profile belongs to another subject than the ID token.");
            }
            return user;
        }
    }

    private static OidcAuthenticationException Refuse(OidcProviderOptions options, string why, Exception? inner = null) =>
        new(options.Key, OidcErrorCodes.InvalidUserInfo, why, inner: inner);
}
