using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;

namespace PublisherPortal.Accounts;

/// <summary>
/// What a failed silent re-authentication (<c>prompt=none</c>) means. The provider saying the reader is no longer
/// signed in there (OIDC Core §3.1.2.6: login_required, interaction_required, consent_required,
/// account_selection_required) ends the session here too; any other failure keeps it. Either way the reader
/// continues to the page they were going to, never to an error page they did not ask for.
/// </summary>
public static partial class SilentSignInFailure
{
    private static readonly HashSet<string> SignedOutAtProvider =
        ["login_required", "interaction_required", "consent_required", "account_selection_required"];

    public static async Task HandleAsync(RemoteFailureContext context)
    {
        if (OidcChallengeProperties.RequestedPrompt(context.Properties) != "none")
        {
            return; // an interactive sign-in failed: the error page explains it
        }

        var error = (context.Failure as OidcAuthenticationException)?.Error ?? "unknown";
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SilentSignInFailure));
        if (SignedOutAtProvider.Contains(error))
        {
            LogEnded(logger, context.Scheme.Name, LogText.Code(error));
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else
        {
            LogKept(logger, context.Scheme.Name, LogText.Code(error));
        }

        context.Response.Redirect(LocalUrl.OrHome(context.Properties?.RedirectUri));
        context.HandleResponse();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silent re-authentication at {Provider} answered {Error}: the reader is signed out here too")]
    private static partial void LogEnded(ILogger logger, string provider, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silent re-authentication at {Provider} failed ({Error}); keeping the reader's session")]
    private static partial void LogKept(ILogger logger, string provider, string error);
}
