using Microsoft.Extensions.Logging;

namespace PublisherPortal.DevProviders.Diagnostics;

/// <summary>Source-generated log messages. Never a code, token, secret or cookie value: ids and outcomes only.</summary>
internal static partial class DevProvidersLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Local stand-in providers are enabled and mapped under /dev: {Providers}. Development only.")]
    public static partial void StandInsMapped(this ILogger logger, string providers);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Stand-in {Provider}: test reader {ReaderId} signed in")]
    public static partial void ReaderSignedIn(this ILogger logger, string provider, string readerId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Stand-in {Provider}: authorize request refused with {Error}: {Reason}")]
    public static partial void AuthorizeRefused(this ILogger logger, string provider, string error, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Stand-in {Provider}: token request ({GrantType}) refused with {Error}: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string provider, string grantType, string error, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Stand-in {Provider}: tokens issued ({GrantType}) to client {ClientId}")]
    public static partial void TokensIssued(this ILogger logger, string provider, string grantType, string clientId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Stand-in {Provider}: session of test reader {ReaderId} ended")]
    public static partial void SessionEnded(this ILogger logger, string provider, string readerId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Stand-in {Provider}: back-channel logout sent to {Target}, answered {StatusCode}")]
    public static partial void BackchannelLogoutSent(this ILogger logger, string provider, string target, int statusCode);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Stand-in {Provider}: back-channel logout to {Target} failed")]
    public static partial void BackchannelLogoutFailed(this ILogger logger, string provider, string target, Exception exception);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Stand-in {Provider}: test reader {ReaderId} now subscribes to {PlanKey}")]
    public static partial void PlanChanged(this ILogger logger, string provider, string readerId, string planKey);
}
