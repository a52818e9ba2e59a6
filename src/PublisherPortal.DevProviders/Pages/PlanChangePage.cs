using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Pages;

/// <summary>
/// A subscribe page for single-plan providers (Pliro Site's /subscribe and offer subscribe pages; PiPA's stand-in plan
/// page). Subscribing to an offer really changes the signed-in reader's plan to the one behind it, then returns to
/// <c>continue_url</c> only when its host is allow-listed, as Pliro requires (docs/providers/pliro.md, Pliro Site pages).
/// </summary>
internal sealed class PlanChangePage(StandInSessionStore sessions, ReaderDirectory readers, ReturnUrlAllowList allowList, ILogger<PlanChangePage> logger)
{
    public Task ShowAsync(HttpContext context, StandInProvider provider, IReadOnlyList<SiteOffer> offers, string postPath)
    {
        var continueUrl = context.Request.Query["continue_url"].ToString();
        var email = context.Request.Query["email"].ToString();
        var body = new StringBuilder();
        if (continueUrl.Length > 0 && !allowList.IsAllowed(continueUrl, out _))
        {
            body.Append("<p class=\"error\">continue_url is not on the allow-list: you will stay here after subscribing.</p>");
        }

        var session = sessions.Current(context, provider.Key);
        if (session is null || readers.Find(provider.Key, session.ReaderId) is not { } reader)
        {
            if (email.Length > 0)
            {
                body.Append("<p>Subscribing as <strong>").Append(StandInPage.E(email)).Append("</strong>: pick that reader below.</p>");
            }

            body.Append("<p>Sign in first, then choose a plan.</p>")
                .Append(StandInPage.ReaderChooser(context, provider, readers, provider.BasePath + AccountPages.LoginPath,
                    [("returnUrl", context.Request.Path + context.Request.QueryString)]));
            return StandInPage.WriteAsync(context, provider, "Subscribe", body.ToString());
        }

        body.Append("<p>Signed in as ").Append(StandInPage.E(reader.FullName)).Append(". Current plan: ")
            .Append(StandInPage.E(StandInPage.PlanSummary(provider, readers, reader))).Append(".</p>");
        foreach (var offer in offers)
        {
            body.Append("<form method=\"post\" action=\"").Append(StandInPage.E(provider.BasePath + postPath)).Append("\">")
                .Append(StandInPage.AntiforgeryField(context))
                .Append(StandInPage.Hidden("offer", offer.Key))
                .Append(StandInPage.Hidden("continue_url", continueUrl))
                .Append("<h2>").Append(StandInPage.E(offer.Name)).Append("</h2><p>").Append(StandInPage.E(offer.Blurb)).Append("</p>")
                .Append("<button type=\"submit\">Subscribe to ").Append(StandInPage.E(offer.Name)).Append(" (free here)</button></form>");
        }

        return StandInPage.WriteAsync(context, provider, "Subscribe", body.ToString());
    }

    public async Task SubscribeAsync(HttpContext context, StandInProvider provider)
    {
        var form = await StandInPage.ReadVerifiedFormAsync(context);
        if (form is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Subscription failed", "The form could not be verified. Go back and try again.");
            return;
        }

        var session = sessions.Current(context, provider.Key);
        var offer = provider.Offers.FirstOrDefault(o => o.Key == form["offer"].ToString());
        if (session is null || offer is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Subscription failed", "Sign in first and choose one of the listed plans.");
            return;
        }

        readers.ChangePlan(session.ReaderId, offer.Plan);
        logger.PlanChanged(provider.Key, session.ReaderId, offer.Plan.Key);
        if (allowList.IsAllowed(form["continue_url"].ToString(), out var target))
        {
            context.Response.Redirect(target!.AbsoluteUri);
            return;
        }

        await StandInPage.WriteAsync(context, provider, "Subscribed",
            $"<p>You now subscribe to {StandInPage.E(offer.Name)}. No allow-listed continue_url was given, so there is nowhere to return to.</p>");
    }
}
