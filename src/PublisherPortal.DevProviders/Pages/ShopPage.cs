using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Pages;

/// <summary>
/// The stand-ins' shop pages, one shape for all (<see cref="ShopRules"/> holds the differences): the signed-in reader
/// picks an offer, buying really changes their plans (so the next userinfo, member API call, silent re-authentication
/// or refresh shows it), and the reader returns to the completion or cancel URL only when its host is allow-listed, as
/// the real providers require; anything else would make a stand-in an open redirector.
/// </summary>
internal sealed class ShopPage(StandInSessionStore sessions, ReaderDirectory readers, ReturnUrlAllowList allowList, ILogger<ShopPage> logger)
{
    public Task ShowAsync(HttpContext context, StandInProvider provider, ShopRules rules, IReadOnlyList<SiteOffer> offers, string postPath)
    {
        var query = context.Request.Query;
        var completed = query[rules.CompletedParameter].ToString();
        var cancel = rules.CancelParameter is { } cancelName ? query[cancelName].ToString() : "";
        var body = new StringBuilder();
        if (rules.ReferenceParameter is { } referenceName && query[referenceName].ToString() is { Length: > 0 } reference)
        {
            body.Append("<p class=\"muted\">Coming from: ").Append(StandInPage.E(reference)).Append("</p>");
        }

        if ((completed.Length > 0 && !allowList.IsAllowed(completed, out _)) || (cancel.Length > 0 && !allowList.IsAllowed(cancel, out _)))
        {
            body.Append("<p class=\"error\">A return URL (").Append(StandInPage.E(rules.CompletedParameter))
                .Append(") is not on the allow-list: you will stay here afterwards.</p>");
        }

        var session = sessions.Current(context, provider.Key);
        if (session is null || readers.Find(provider.Key, session.ReaderId) is not { } reader)
        {
            if (query["email"].ToString() is { Length: > 0 } email)
            {
                body.Append("<p>Subscribing as <strong>").Append(StandInPage.E(email)).Append("</strong>: pick that reader below.</p>");
            }

            body.Append("<p>Sign in to ").Append(StandInPage.E(provider.DisplayName)).Append(" first, then choose.</p>")
                .Append(StandInPage.ReaderChooser(context, provider, readers, provider.BasePath + AccountPages.LoginPath,
                    [("returnUrl", context.Request.Path + context.Request.QueryString)]));
            return StandInPage.WriteAsync(context, provider, rules.Title, body.ToString());
        }

        var asked = rules.PreselectParameter is { } preselect ? query[preselect].ToString() : "";
        var shown = offers.Where(o => o.Key == asked).ToList() is { Count: > 0 } one ? one : offers;
        body.Append("<p>Signed in as ").Append(StandInPage.E(reader.FullName)).Append(". Active now: ")
            .Append(StandInPage.E(StandInPage.PlanSummary(provider, readers, reader))).Append(".</p>");
        foreach (var offer in shown)
        {
            body.Append("<form method=\"post\" action=\"").Append(StandInPage.E(provider.BasePath + postPath)).Append("\">")
                .Append(StandInPage.AntiforgeryField(context))
                .Append(StandInPage.Hidden("offer", offer.Key))
                .Append(StandInPage.Hidden(rules.CompletedParameter, completed));
            if (rules.CancelParameter is { } cancelField)
            {
                body.Append(StandInPage.Hidden(cancelField, cancel));
            }

            body.Append("<h2>").Append(StandInPage.E(offer.Name)).Append(" <span class=\"muted\">(").Append(StandInPage.E(offer.Key)).Append(")</span></h2>")
                .Append("<p>").Append(StandInPage.E(offer.Blurb)).Append("</p>")
                .Append("<button type=\"submit\" name=\"action\" value=\"buy\">").Append(StandInPage.E(rules.BuyLabel)).Append(' ')
                .Append(StandInPage.E(offer.Name)).Append(" (free here)</button> ");
            if (rules.CancelParameter is not null)
            {
                body.Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>");
            }

            body.Append("</form>");
        }

        return StandInPage.WriteAsync(context, provider, rules.Title, body.ToString());
    }

    public async Task SubmitAsync(HttpContext context, StandInProvider provider, ShopRules rules)
    {
        var form = await StandInPage.ReadVerifiedFormAsync(context);
        if (form is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Purchase failed", "The form could not be verified. Go back and try again.");
            return;
        }

        if (rules.CancelParameter is { } cancelName && form["action"].ToString() == "cancel")
        {
            if (allowList.IsAllowed(form[cancelName].ToString(), out var back))
            {
                context.Response.Redirect(back!.AbsoluteUri);
                return;
            }

            await StandInPage.WriteAsync(context, provider, "Cancelled", $"<p>Nothing was bought. No allow-listed {StandInPage.E(cancelName)} was given.</p>");
            return;
        }

        var session = sessions.Current(context, provider.Key);
        var offer = provider.Offers.FirstOrDefault(o => o.Key == form["offer"].ToString());
        if (session is null || offer is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Purchase failed", "Sign in first and choose one of the listed offers.");
            return;
        }

        if (rules.AddsSubscription)
        {
            readers.Activate(session.ReaderId, offer.Plan);
        }
        else
        {
            readers.ChangePlan(session.ReaderId, offer.Plan);
        }

        logger.PlanChanged(provider.Key, session.ReaderId, offer.Plan.Key);
        if (allowList.IsAllowed(form[rules.CompletedParameter].ToString(), out var target))
        {
            context.Response.Redirect(target!.AbsoluteUri);
            return;
        }

        await StandInPage.WriteAsync(context, provider, "Purchase complete",
            $"<p>{StandInPage.E(offer.Name)} is now active. No allow-listed {StandInPage.E(rules.CompletedParameter)} was given, so there is nowhere to return to.</p>");
    }
}
