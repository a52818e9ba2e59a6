using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Pages;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Pliro;

/// <summary>
/// <c>GET /oauth/end_session</c> (docs/providers/pliro.md, OIDC RP-Initiated Logout 1.0): with a valid
/// <c>id_token_hint</c> the customer is signed out at once; without one they must confirm. The reader is sent to
/// <c>post_logout_redirect_uri</c> only when it is the one registered for the client (named by client_id or by the
/// hint's aud); an unregistered one is shown as an error, never followed.
/// </summary>
internal sealed class PliroEndSessionEndpoint(StandInSignOut signOut)
{
    public const string ConfirmPath = "/oauth/end_session/confirm";

    public async Task HandleAsync(HttpContext context, PliroStandIn provider)
    {
        var query = context.Request.Query;
        var clientId = query["client_id"].ToString();
        var postLogout = query["post_logout_redirect_uri"].ToString();
        var state = query["state"].ToString();
        var hintValid = await IsValidHintAsync(provider, query["id_token_hint"].ToString());

        if (clientId.Length > 0 && clientId != provider.Client.ClientId)
        {
            await StandInPage.ErrorAsync(context, provider, "Unknown application", "The client_id is not registered at this Pliro stand-in.");
            return;
        }

        if (postLogout.Length > 0 && (postLogout != provider.Client.PostLogoutRedirectUri || (clientId.Length == 0 && !hintValid)))
        {
            await StandInPage.ErrorAsync(context, provider, "Sign-out redirect not registered",
                $"post_logout_redirect_uri must be the one registered for the application ({provider.Client.PostLogoutRedirectUri}), identified by client_id or a valid id_token_hint.");
            return;
        }

        if (!hintValid)
        {
            // "If id_token_hint is missing or invalid, the customer will have to confirm signing out."
            var body = "<p>Do you want to sign out of Pliro?</p>"
                + $"<form method=\"post\" action=\"{StandInPage.E(provider.BasePath + ConfirmPath)}\">"
                + StandInPage.AntiforgeryField(context)
                + StandInPage.Hidden("post_logout_redirect_uri", postLogout)
                + StandInPage.Hidden("state", state)
                + "<button type=\"submit\">Sign out</button></form>";
            await StandInPage.WriteAsync(context, provider, "Sign out of Pliro", body);
            return;
        }

        await FinishAsync(context, provider, postLogout, state);
    }

    public async Task ConfirmAsync(HttpContext context, PliroStandIn provider)
    {
        var form = await StandInPage.ReadVerifiedFormAsync(context);
        if (form is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Sign-out failed", "The form could not be verified.");
            return;
        }

        var postLogout = form["post_logout_redirect_uri"].ToString();
        await FinishAsync(context, provider, postLogout == provider.Client.PostLogoutRedirectUri ? postLogout : "", form["state"].ToString());
    }

    private async Task FinishAsync(HttpContext context, PliroStandIn provider, string postLogout, string state)
    {
        var outcome = await signOut.SignOutAsync(context, provider);
        if (postLogout.Length > 0)
        {
            // The documented redirect is to post_logout_redirect_uri as registered, without state.
            var echoed = provider.Switches.EchoSignOutState && state.Length > 0 ? state : null;
            ProtocolResponses.RedirectWith(context, postLogout, [new("state", echoed)]);
            return;
        }

        await StandInPage.WriteAsync(context, provider, "Signed out of Pliro", "<p>" + StandInPage.E(outcome ?? "Nobody was signed in.") + "</p>");
    }

    private static async Task<bool> IsValidHintAsync(PliroStandIn provider, string hint)
    {
        if (hint.Length == 0)
        {
            return false;
        }

        // An expired ID token is still a valid hint (RP-Initiated Logout 1.0 §2): only who issued it, for whom, matters.
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(hint, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = provider.Client.ClientId,
            IssuerSigningKey = provider.SigningKey.Key,
            ValidateLifetime = false,
        });
        return result.IsValid;
    }
}
