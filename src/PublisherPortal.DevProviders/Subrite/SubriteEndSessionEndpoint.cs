using Microsoft.AspNetCore.Http;
using PublisherPortal.DevProviders.Pages;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Subrite;

/// <summary>
/// <c>GET /api/oidc/session/end?client_id=&amp;post_logout_redirect_uri=</c>: ends the Subrite session, then sends the
/// browser to the client's registered post-logout URI ("The Subrite logout endpoint will then redirect back to your
/// application's configured post_logout_redirect_uri"). An unregistered URI is shown as an error, never followed.
/// </summary>
internal sealed class SubriteEndSessionEndpoint(StandInSignOut signOut)
{
    public async Task HandleAsync(HttpContext context, SubriteStandIn subrite)
    {
        var query = context.Request.Query;
        var clientId = query["client_id"].ToString();
        var postLogout = query["post_logout_redirect_uri"].ToString();
        if (clientId.Length > 0 && clientId != subrite.Client.ClientId)
        {
            await StandInPage.ErrorAsync(context, subrite, "Unknown application", "The client_id is not registered at this Subrite stand-in.");
            return;
        }

        if (postLogout.Length > 0 && (clientId.Length == 0 || postLogout != subrite.Client.PostLogoutRedirectUri))
        {
            await StandInPage.ErrorAsync(context, subrite, "Sign-out redirect not registered",
                $"post_logout_redirect_uri must be the one registered for client_id ({subrite.Client.PostLogoutRedirectUri}).");
            return;
        }

        var outcome = await signOut.SignOutAsync(context, subrite);
        if (clientId.Length > 0)
        {
            var state = query["state"].ToString();
            ProtocolResponses.RedirectWith(context, subrite.Client.PostLogoutRedirectUri, [new("state", state.Length > 0 ? state : null)]);
            return;
        }

        await StandInPage.WriteAsync(context, subrite, "Signed out of Subrite", "<p>" + StandInPage.E(outcome ?? "Nobody was signed in.") + "</p>");
    }
}
