using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Pliro;

/// <summary>
/// Pliro's sign-out notifications: OpenID Connect Back-Channel Logout 1.0 §2.4–2.5. A signed <c>logout_token</c>
/// (header <c>typ: logout+jwt</c>; iss, aud, iat, sub, sid, events; never a nonce) POSTed as a form field to the
/// registered URI, from the server, without the reader's cookies. Pliro's documented checks name no <c>jti</c> or
/// <c>exp</c>, so they are sent only with <c>DevProviders:pliro:LogoutTokenJti</c>. The HttpClient is named so tests can
/// replace its handler.
/// </summary>
internal sealed class BackchannelLogoutSender(
    IHttpClientFactory clients,
    IdTokenFactory tokens,
    ReaderDirectory readers,
    TimeProvider time,
    ILogger<BackchannelLogoutSender> logger)
{
    public const string HttpClientName = "PublisherPortal.DevProviders.BackchannelLogout";
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>Notifies the client if this session signed it in. Returns a sentence for the stand-in page.</summary>
    public async Task<string> NotifyAsync(StandInProvider provider, StandInSession session, CancellationToken cancellationToken)
    {
        var client = provider.Client;
        if (client.BackchannelLogoutUri is not { } target || !session.ClientIds.ContainsKey(client.ClientId))
        {
            return "No application signed in through this session, so none was notified.";
        }

        var reader = readers.Find(provider.Key, session.ReaderId)
            ?? throw new InvalidOperationException($"Test reader {session.ReaderId} vanished from the catalog.");
        var logoutToken = CreateLogoutToken(provider, provider.SubjectFor(reader, client.ClientId), session.Sid);

        try
        {
            using var content = new FormUrlEncodedContent([new("logout_token", logoutToken)]);
            using var response = await clients.CreateClient(HttpClientName).PostAsync(target, content, cancellationToken);
            logger.BackchannelLogoutSent(provider.Key, target, (int)response.StatusCode);
            return $"Sent a back-channel logout to {target}; it answered {(int)response.StatusCode}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.BackchannelLogoutFailed(provider.Key, target, ex);
            return $"Could not deliver the back-channel logout to {target} ({ex.GetType().Name}).";
        }
    }

    public string CreateLogoutToken(StandInProvider provider, string subject, string sid)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject,
            ["sid"] = sid,
            ["events"] = new Dictionary<string, object>(StringComparer.Ordinal) { [LogoutEvent] = new Dictionary<string, object>() },
        };
        var specClaims = provider is PliroStandIn { Switches.LogoutTokenJti: true };
        if (specClaims)
        {
            claims["jti"] = RandomValues.Token(16);
        }

        return tokens.Sign(provider, provider.Client.ClientId, claims, time.GetUtcNow(), specClaims ? TimeSpan.FromMinutes(2) : null, "logout+jwt");
    }
}
