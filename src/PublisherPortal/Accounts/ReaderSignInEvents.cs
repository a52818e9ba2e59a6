using Microsoft.AspNetCore.Authentication;
using PublisherPortal.Infrastructure;
using PublisherPortal.Infrastructure.Telemetry;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Accounts;

/// <summary>
/// The relying party's hooks for readers (registered as every provider scheme's <c>EventsType</c>): a validated
/// sign-in goes through <see cref="ReaderSignIn"/>; a failed silent re-authentication never strands the reader.
/// </summary>
public sealed partial class ReaderSignInEvents(ReaderSignIn signIn, SessionTerminator sessions, PortalMetrics metrics, ILogger<ReaderSignInEvents> logger)
    : OidcEvents
{
    /// <summary>The provider's answers to <c>prompt=none</c> that mean "not signed in here any more" (OIDC Core §3.1.2.6).</summary>
    private static readonly HashSet<string> SignedOutAtProvider =
        ["login_required", "interaction_required", "consent_required", "account_selection_required"];

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        await signIn.SignInAsync(context.HttpContext, context.Principal!, context.Properties!);
        metrics.SignInSucceeded(context.Scheme.Name);
        context.Response.Redirect(LocalUrl.OrHome(context.ReturnUri));
        context.HandleResponse();
    }

    /// <summary>
    /// A failed silent re-authentication (after checkout, or to refresh stale plans): the provider saying the reader
    /// is signed out there ends the session here too; any other failure keeps it. Either way the reader continues
    /// to the page they were going to, never to an error page they did not ask for. Interactive failures go to the
    /// error page (the base class).
    /// </summary>
    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        // Only codes from the fixed list become a tag: the rest arrived through the browser and could be anything.
        var code = (context.Failure as OidcAuthenticationException)?.Error;
        metrics.SignInFailed(context.Scheme.Name, SignInErrorCodes.IsKnown(code) ? code! : "other");
        if (OidcChallengeProperties.RequestedPrompt(context.Properties) == "none")
        {
            var error = (context.Failure as OidcAuthenticationException)?.Error ?? "unknown";
            if (SignedOutAtProvider.Contains(error))
            {
                LogEnded(context.Scheme.Name, LogText.Code(error));
                await sessions.EndCurrentAsync(context.HttpContext, SessionEndReason.SignedOutAtProvider);
            }
            else
            {
                LogKept(context.Scheme.Name, LogText.Code(error));
            }

            context.Response.Redirect(LocalUrl.OrHome(context.Properties?.RedirectUri));
            context.HandleResponse();
            return;
        }

        await base.RemoteFailure(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silent re-authentication at {Provider} answered {Error}: the reader is signed out here too")]
    private partial void LogEnded(string provider, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silent re-authentication at {Provider} failed ({Error}); keeping the reader's session")]
    private partial void LogKept(string provider, string error);
}
