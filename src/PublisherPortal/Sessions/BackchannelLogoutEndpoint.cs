using PublisherPortal.Infrastructure;
using PublisherPortal.Infrastructure.Telemetry;
using PublisherPortal.Oidc;

namespace PublisherPortal.Sessions;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 receiver (<c>POST /backchannel-logout/{key}</c>): the provider tells us a
/// reader signed out there, server to server, without the reader's cookie. Any instance may receive it.
/// </summary>
public static partial class BackchannelLogoutEndpoint
{
    /// <summary>The path a provider is registered to send its logout tokens to.</summary>
    public static string PathFor(string providerKey) => "/backchannel-logout/" + providerKey;

    public static IEndpointRouteBuilder MapBackchannelLogout(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/backchannel-logout/{key}", HandleAsync)
            .DisableAntiforgery() // server-to-server: authenticated by the token's signature, not a browser token
            .WithName("BackchannelLogout");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string key, HttpContext context, OidcProviderCatalog catalog, LogoutTokenValidator validator,
        DatabaseReplayStore replays, SessionTerminator terminator, TimeProvider clock, PortalMetrics metrics, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BackchannelLogoutEndpoint));
        // §2.8: the response must not be cached.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        if (!catalog.TryGet(key, out _))
        {
            return Refuse("unknown provider");
        }

        var (token, formError, status) = await LogoutTokenForm.ReadAsync(context.Request, cancellationToken);
        if (token is null)
        {
            return Refuse(formError!, status);
        }

        var result = await validator.ValidateAsync(key, token, cancellationToken);
        if (!result.Succeeded)
        {
            return Refuse(result.FailureReason!);
        }

        // Remember the token first, so a replay (even one racing this request) is refused by the key; if ending the
        // sessions then fails, forget it again, so the provider's retry is honoured.
        var replayKey = $"logout:{result.Issuer}:{result.TokenId}";
        var rememberUntil = Max(result.ExpiresAt!.Value, clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        if (!await replays.TryConsumeAsync(replayKey, rememberUntil, cancellationToken))
        {
            return Refuse("the logout token was already used");
        }

        int ended;
        try
        {
            ended = result.SessionId is { } sid
                ? await terminator.EndProviderSessionAsync(key, sid, cancellationToken)
                : await terminator.EndSubjectAsync(result.Issuer!, result.Subject!, SessionEndReason.BackchannelLogout, cancellationToken);
        }
        catch
        {
            await replays.ForgetAsync(replayKey, CancellationToken.None);
            throw;
        }

        LogEnded(logger, LogText.Code(key), ended);
        metrics.BackchannelLogout(key, ended > 0 ? "ended" : "none_found");
        return Results.Ok();

        IResult Refuse(string reason, int statusCode = StatusCodes.Status400BadRequest)
        {
            LogRefused(logger, LogText.Code(key), reason);
            metrics.BackchannelLogout(catalog.TryGet(key, out _) ? key : "unknown", "refused");
            return Results.Json(new { error = "invalid_request", error_description = reason }, statusCode: statusCode);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-channel logout from {Provider} ended {Count} session(s)")]
    private static partial void LogEnded(ILogger logger, string provider, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Back-channel logout from {Provider} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string provider, string reason);
}
