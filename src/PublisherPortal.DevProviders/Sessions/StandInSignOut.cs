using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.DevProviders.Protocol;

namespace PublisherPortal.DevProviders.Sessions;

/// <summary>
/// Ends the browser's session at a stand-in. Where the provider sends back-channel logout (Pliro), every end of
/// its session notifies the clients it signed in, whether the reader signed out at Pliro or through the portal.
/// </summary>
internal sealed class StandInSignOut(StandInSessionStore sessions, BackchannelLogoutSender backchannel, ILogger<StandInSignOut> logger)
{
    /// <summary>Returns what happened, as a sentence for the page; null when nobody was signed in.</summary>
    public async Task<string?> SignOutAsync(HttpContext context, StandInProvider provider)
    {
        var session = sessions.End(context, provider.Key);
        if (session is null)
        {
            return null;
        }

        logger.SessionEnded(provider.Key, session.ReaderId);
        return provider.Client.BackchannelLogoutUri is null
            ? "Signed out."
            : "Signed out. " + await backchannel.NotifyAsync(provider, session, context.RequestAborted);
    }
}
