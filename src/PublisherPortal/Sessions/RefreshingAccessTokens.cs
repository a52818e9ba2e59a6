using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;

namespace PublisherPortal.Sessions;

/// <summary>
/// The reader's access token, renewed ahead of expiry with the refresh token when the provider issues them (Subrite,
/// PiPA). The rotated refresh token is stored in the session in place (same session id, so other tabs are unaffected).
/// A refused refresh ends the session (and the rest of the request is anonymous), as does one whose new ID token fails
/// the checks against the original; an unreachable provider keeps it and returns no token, so callers fall back to what
/// they last knew.
/// </summary>
public sealed partial class RefreshingAccessTokens(
    OidcTokenRefresher refresher, DatabaseTicketStore store, SessionTerminator terminator, TimeProvider clock, ILogger<RefreshingAccessTokens> logger)
    : IReaderAccessTokens
{
    /// <summary>Tokens this close to expiry are renewed first: a call made with them could fail mid-flight.</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

    // One refresh at a time per session on this instance, since a rotated refresh token may be used only once.
    // Striped locks: bounded memory and nothing to remove (removing a per-session lock races with new waiters).
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<string?> GetAccessTokenAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || session.Properties.GetTokenValue("access_token") is not { Length: > 0 } accessToken)
        {
            return null;
        }

        if (IsFresh(session.Properties))
        {
            return accessToken;
        }

        var provider = session.Principal.FindFirst(OidcClaimTypes.Provider)?.Value;
        if (provider is null
            || session.Properties.GetTokenValue("refresh_token") is null
            || !session.Properties.Items.TryGetValue(DatabaseTicketStore.SessionIdItem, out var sessionId) || sessionId is null)
        {
            // Pliro and PixelPin issue no refresh tokens: an expired token is simply not usable.
            return IsExpired(session.Properties) ? null : accessToken;
        }

        var gate = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionId) % (uint)Stripes.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have renewed it while this one waited: ask the database, not the cache.
            var current = await store.ReadAsync(sessionId);
            if (current is null)
            {
                return null;
            }

            if (IsFresh(current.Properties))
            {
                return current.Properties.GetTokenValue("access_token");
            }

            return await RefreshAsync(context, provider, sessionId, current, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string?> RefreshAsync(
        HttpContext context, string provider, string sessionId, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        OidcRefreshedTokens renewed;
        try
        {
            renewed = await refresher.RefreshAsync(
                provider, ticket.Properties.GetTokenValue("refresh_token")!, ticket.Properties.GetTokenValue("id_token"), cancellationToken);
        }
        catch (OidcAuthenticationException e) when (e.Error is OidcErrorCodes.TokenEndpointError or OidcErrorCodes.InvalidTokenResponse)
        {
            LogUnavailable(provider, e.Error);
            return IsExpired(ticket.Properties) ? null : ticket.Properties.GetTokenValue("access_token");
        }
        catch (OidcAuthenticationException e)
        {
            // invalid_grant and friends, or a refreshed ID token that fails OIDC Core §12.2: the provider no longer
            // vouches for this session.
            LogRefused(provider, LogText.Code(e.Error));
            await terminator.EndCurrentAsync(context, SessionEndReason.RefreshRefused);
            return null;
        }

        // The stored id_token stays the original: every later refreshed one is checked against it (OIDC Core §12.2).
        var tokens = ticket.Properties.GetTokens().ToDictionary(t => t.Name, t => t.Value);
        tokens["access_token"] = renewed.AccessToken;
        if (renewed.RefreshToken is not null)
        {
            tokens["refresh_token"] = renewed.RefreshToken;
        }

        if (renewed.ExpiresAt is { } expiresAt)
        {
            tokens["expires_at"] = expiresAt.ToString("o", CultureInfo.InvariantCulture);
        }
        else
        {
            tokens.Remove("expires_at");
        }

        ticket.Properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
        await store.RenewAsync(sessionId, ticket);
        LogRenewed(provider);
        return renewed.AccessToken;
    }

    private bool IsFresh(AuthenticationProperties properties) =>
        ExpiresAt(properties) is not { } expiry || expiry - RenewalMargin > clock.GetUtcNow();

    private bool IsExpired(AuthenticationProperties properties) =>
        ExpiresAt(properties) is { } expiry && expiry <= clock.GetUtcNow();

    private static DateTimeOffset? ExpiresAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
            ? expiry
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewed a reader's access token at {Provider}")]
    private partial void LogRenewed(string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} refused to renew a reader's access token ({Error}); the session is ended")]
    private partial void LogRefused(string provider, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} could not renew a reader's access token ({Error}); keeping the session")]
    private partial void LogUnavailable(string provider, string error);
}
