using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Pages;

/// <summary>
/// The stand-in's own account pages: sign in directly (needed before a checkout), see who is signed in and
/// with which plan, and sign out at the provider. For Pliro the sign-out is "Sign out at Pliro", which sends the
/// back-channel logout; for PixelPin and PiPA it is the only way to switch readers (they document no end-session).
/// </summary>
internal sealed class AccountPages(StandInSessionStore sessions, ReaderDirectory readers, StandInSignOut signOut, ILogger<AccountPages> logger)
{
    public const string LoginPath = "/login";
    public const string AccountPath = "/account";
    public const string SignOutPath = "/account/sign-out";

    public Task LoginFormAsync(HttpContext context, StandInProvider provider)
    {
        var returnUrl = LocalReturnUrl(provider, context.Request.Query["returnUrl"].ToString());
        var body = StandInPage.ReaderChooser(context, provider, readers, provider.BasePath + LoginPath, [("returnUrl", returnUrl)]);
        return StandInPage.WriteAsync(context, provider, $"Sign in to {provider.DisplayName}", body);
    }

    public async Task LoginAsync(HttpContext context, StandInProvider provider)
    {
        var form = await StandInPage.ReadVerifiedFormAsync(context);
        var reader = form is null ? null : readers.Find(provider.Key, form["reader"].ToString());
        if (form is null || reader is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Sign-in failed", "The form could not be verified or the reader is unknown. Try again.");
            return;
        }

        sessions.SignIn(context, provider.Key, reader.Id);
        logger.ReaderSignedIn(provider.Key, reader.Id);
        context.Response.Redirect(LocalReturnUrl(provider, form["returnUrl"].ToString()));
    }

    public Task AccountAsync(HttpContext context, StandInProvider provider, IEnumerable<(string Label, string Path)> links)
    {
        var session = sessions.Current(context, provider.Key);
        var body = new StringBuilder();
        if (session is null || readers.Find(provider.Key, session.ReaderId) is not { } reader)
        {
            body.Append("<p>Nobody is signed in at this stand-in.</p><p><a href=\"")
                .Append(StandInPage.E(provider.BasePath + LoginPath + "?returnUrl=" + Uri.EscapeDataString(provider.BasePath + AccountPath)))
                .Append("\">Sign in as a test reader</a></p>");
        }
        else
        {
            body.Append("<dl><dt>Signed in as</dt><dd>").Append(StandInPage.E(reader.FullName)).Append(" (").Append(StandInPage.E(reader.Email)).Append(")</dd>")
                .Append("<dt>Provider id</dt><dd><code>").Append(StandInPage.E(reader.ProviderId)).Append("</code></dd>")
                .Append("<dt>Plan</dt><dd>").Append(StandInPage.E(StandInPage.PlanSummary(provider, readers, reader))).Append("</dd>")
                .Append("<dt>Signed in at</dt><dd>").Append(StandInPage.E(session.AuthTime.ToString("u"))).Append("</dd></dl>")
                .Append("<form method=\"post\" action=\"").Append(StandInPage.E(provider.BasePath + SignOutPath)).Append("\">")
                .Append(StandInPage.AntiforgeryField(context))
                .Append("<button type=\"submit\">Sign out at ").Append(StandInPage.E(provider.DisplayName)).Append("</button></form>");
        }

        body.Append("<ul>");
        foreach (var (label, path) in links)
        {
            body.Append("<li><a href=\"").Append(StandInPage.E(provider.BasePath + path)).Append("\">").Append(StandInPage.E(label)).Append("</a></li>");
        }

        body.Append("</ul>");
        return StandInPage.WriteAsync(context, provider, $"{provider.DisplayName} account", body.ToString());
    }

    public async Task SignOutAsync(HttpContext context, StandInProvider provider)
    {
        if (await StandInPage.ReadVerifiedFormAsync(context) is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Sign-out failed", "The form could not be verified. Reload the account page and try again.");
            return;
        }

        var outcome = await signOut.SignOutAsync(context, provider) ?? "Nobody was signed in.";
        await StandInPage.WriteAsync(context, provider, $"Signed out of {provider.DisplayName}",
            "<p>" + StandInPage.E(outcome) + "</p><p><a href=\"" + StandInPage.E(provider.BasePath + AccountPath) + "\">Back to the account page</a></p>");
    }

    /// <summary>Only paths of this stand-in: the login page must not become an open redirector.</summary>
    public static string LocalReturnUrl(StandInProvider provider, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.StartsWith(provider.BasePath + "/", StringComparison.Ordinal)
        && !returnUrl.Contains("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : provider.BasePath + AccountPath;
}
