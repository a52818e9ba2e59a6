using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PublisherPortal.Oidc;

/// <summary>
/// The userinfo call (OIDC Core §5.3), for sign-in and for re-reading plans later. The subject is <c>sub</c>, or for
/// PixelPin its documented <c>id</c>; when an ID token or a session names the subject, the answer must name the same
/// one (§5.3.2): otherwise a substituted access token could graft another person's profile onto this reader.
/// </summary>
internal static class UserInfoClient
{
    public static async Task<UserInfoAnswer> GetAsync(OidcProviderOptions options, string endpoint, string accessToken, string? expectedSubject,
        ILogger logger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var answer = await Backchannel.SendAsync(options, request, "userinfo", logger, cancellationToken);
        if (answer is null)
        {
            return UserInfoAnswer.Failed(OidcUserInfoStatus.ProviderUnavailable, "The provider's profile service could not be reached.");
        }
        if (!answer.IsSuccess)
        {
            logger.UserInfoRefused(options.Key, (int)answer.Status);
            // RFC 6750 §3.1: 401 means the token is not (or no longer) accepted, e.g. error="invalid_token" once expired.
            return answer.Status == HttpStatusCode.Unauthorized
                ? UserInfoAnswer.Failed(OidcUserInfoStatus.TokenRejected, "The provider no longer accepts the access token.")
                : UserInfoAnswer.Failed((int)answer.Status >= 500 ? OidcUserInfoStatus.ProviderUnavailable : OidcUserInfoStatus.Refused,
                    $"The provider's profile service answered HTTP {(int)answer.Status}.");
        }
        if (answer.MediaType == "application/jwt")
        {
            return UserInfoAnswer.Failed(OidcUserInfoStatus.Refused, "Signed userinfo responses are not supported.");
        }
        if (answer.JsonObject() is not { } user)
        {
            return UserInfoAnswer.Failed(OidcUserInfoStatus.Refused, "The provider's profile service did not answer with a JSON object.");
        }

        var subject = SubjectOf(options.Type, user);
        if (subject is null)
        {
            return UserInfoAnswer.Failed(OidcUserInfoStatus.Refused, "The provider's profile names no subject.");
        }
        if (expectedSubject is not null && !string.Equals(subject, expectedSubject, StringComparison.Ordinal))
        {
            return UserInfoAnswer.Failed(OidcUserInfoStatus.Refused, "The provider's profile belongs to another subject than the one signed in.");
        }
        return new UserInfoAnswer(OidcUserInfoStatus.Succeeded, user, subject, null);
    }

    /// <summary><c>sub</c> when present; else the Type's documented id member, a number taken digit for digit (never
    /// through a double, which would round a 64-bit id) or a string.</summary>
    internal static string? SubjectOf(OidcProviderType type, JsonElement user)
    {
        if (user.TryGetProperty("sub", out var sub))
        {
            return sub.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(sub.GetString()) ? sub.GetString() : null;
        }
        if (OidcProviderProfiles.UserInfoIdMember(type) is not { } member || !user.TryGetProperty(member, out var id))
        {
            return null;
        }
        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt64(out var number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.Number when id.GetRawText().All(char.IsAsciiDigit) => id.GetRawText(),
            JsonValueKind.String when !string.IsNullOrWhiteSpace(id.GetString()) => id.GetString(),
            _ => null,
        };
    }
}

/// <summary>A userinfo answer: the profile and whose it is, or why there is none.</summary>
internal sealed record UserInfoAnswer(OidcUserInfoStatus Status, JsonElement User, string? Subject, string? Problem)
{
    public static UserInfoAnswer Failed(OidcUserInfoStatus status, string problem) => new(status, default, null, problem);
}
