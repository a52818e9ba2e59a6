using Microsoft.Extensions.Logging;

namespace PublisherPortal.Oidc;

/// <summary>Every log line of the relying party. None takes a token, a code, a secret or a state value.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(1, LogLevel.Warning, "Sign-in with {Provider} failed: {Error}: {Description}")]
    public static partial void SignInFailed(this ILogger logger, string provider, string error, string description);

    [LoggerMessage(2, LogLevel.Error, "The configuration of provider {Provider} could not be loaded")]
    public static partial void ConfigurationUnavailable(this ILogger logger, string provider, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "The token endpoint of {Provider} answered HTTP {StatusCode} with error '{Error}', saying: {ProviderDescription}")]
    public static partial void TokenEndpointRefused(this ILogger logger, string provider, int statusCode, string error, string providerDescription);

    [LoggerMessage(4, LogLevel.Warning, "The {Endpoint} endpoint of {Provider} could not be reached")]
    public static partial void EndpointUnreachable(this ILogger logger, string provider, string endpoint, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Re-fetching the signing keys of {Provider}: the ID token names key id '{KeyId}'")]
    public static partial void RefreshingSigningKeys(this ILogger logger, string provider, string keyId);

    [LoggerMessage(6, LogLevel.Debug, "Redirecting to {Provider} for sign-in")]
    public static partial void RedirectingToProvider(this ILogger logger, string provider);

    [LoggerMessage(7, LogLevel.Debug, "Redirecting to the end-session endpoint of {Provider}")]
    public static partial void RedirectingToEndSession(this ILogger logger, string provider);

    [LoggerMessage(8, LogLevel.Warning, "The sign-out callback of {Provider} carried no valid state; going to the default page")]
    public static partial void SignOutCallbackWithoutState(this ILogger logger, string provider);

    [LoggerMessage(9, LogLevel.Warning, "The userinfo endpoint of {Provider} answered HTTP {StatusCode}")]
    public static partial void UserInfoRefused(this ILogger logger, string provider, int statusCode);

    [LoggerMessage(10, LogLevel.Warning, "Signing a reader out of this site only, not at {Provider}: {Reason}")]
    public static partial void EndSessionUnavailable(this ILogger logger, string provider, string reason);

    [LoggerMessage(12, LogLevel.Warning, "{Provider} answered the sign-in with error '{Error}', saying: {ProviderDescription}")]
    public static partial void ProviderAnsweredError(this ILogger logger, string provider, string error, string providerDescription);

    [LoggerMessage(13, LogLevel.Warning, "The discovery document of {Provider} at {Address} is not used ({Reason}); endpoints and keys come from settings and documented defaults")]
    public static partial void DiscoveryNotUsed(this ILogger logger, string provider, string address, string reason);

    [LoggerMessage(11, LogLevel.Warning, "A back-channel logout token for {Provider} was refused: {Reason}")]
    public static partial void LogoutTokenRefused(this ILogger logger, string provider, string reason);

    [LoggerMessage(14, LogLevel.Warning, "The refresh response of {Provider} carried an ID token, but the session keeps no original to check it against: ignored")]
    public static partial void RefreshedIdTokenIgnored(this ILogger logger, string provider);

    [LoggerMessage(15, LogLevel.Warning, "The refresh response of {Provider} carried an ID token that fails OIDC Core 12.2, so the refresh is refused: {Reason}")]
    public static partial void RefreshedIdTokenRefused(this ILogger logger, string provider, string reason);
}
