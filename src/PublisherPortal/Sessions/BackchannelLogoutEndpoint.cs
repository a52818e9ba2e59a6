using Microsoft.EntityFrameworkCore;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Sessions;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 receiver (<c>POST /backchannel-logout/{key}</c>): the provider tells us a
/// reader signed out there, server to server, without the reader's cookie. Any instance may receive it.
/// </summary>
public static partial class BackchannelLogoutEndpoint
{
    public static IEndpointRouteBuilder MapBackchannelLogout(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/backchannel-logout/{key}", HandleAsync)
            .DisableAntiforgery() // server-to-server: authenticated by the token's signature, not a browser token
            .WithName("BackchannelLogout");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string key, HttpContext context, OidcProviderCatalog catalog, LogoutTokenValidator validator,
        PortalDbContext db, SessionTerminator terminator, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BackchannelLogoutEndpoint));
        // §2.8: the response must not be cached.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        if (!catalog.TryGet(key, out _))
        {
            return Refuse("unknown provider");
        }

        if (!context.Request.HasFormContentType)
        {
            return Refuse("expected an application/x-www-form-urlencoded body");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var result = await validator.ValidateAsync(key, form["logout_token"], cancellationToken);
        if (!result.Succeeded)
        {
            return Refuse(result.FailureReason!);
        }

        // Remember the token and end the sessions in one transaction: a replay is refused by the key, and a failure
        // to end the sessions leaves the token unremembered so the provider's retry is honoured.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.ConsumedLogoutTokens.Add(new ConsumedLogoutToken
            {
                Issuer = result.Issuer!,
                TokenId = result.TokenId!,
                ExpiresAt = Max(result.ExpiresAt!.Value, clock.GetUtcNow() + TimeSpan.FromMinutes(10)).UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refuse("the logout token was already used");
        }

        var ended = result.SessionId is { } sid
            ? await terminator.EndProviderSessionAsync(key, sid, cancellationToken)
            : await terminator.EndSubjectAsync(result.Issuer!, result.Subject!, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogEnded(logger, key, ended);
        return Results.Ok();

        IResult Refuse(string reason)
        {
            LogRefused(logger, key, reason);
            return Results.BadRequest(new { error = "invalid_request", error_description = reason });
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-channel logout from {Provider} ended {Count} session(s)")]
    private static partial void LogEnded(ILogger logger, string provider, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Back-channel logout from {Provider} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string provider, string reason);
}
