using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Pages;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Subrite;

/// <summary>
/// Subrite's checkout with its documented search params (docs/providers/subrite.md): <c>reference</c>,
/// <c>onCheckoutCompletedUrl</c> (after buying) and <c>callBackUrl</c> (on cancel). The package parameter name is
/// ours (<c>package</c>, a package id): Subrite's checkout URL is a setting and its package parameter is not documented.
/// Buying really activates the subscription, so the member API shows it at once.
/// </summary>
internal sealed class CheckoutPage(StandInSessionStore sessions, ReaderDirectory readers, ReturnUrlAllowList allowList, ILogger<CheckoutPage> logger)
{
    public Task ShowAsync(HttpContext context, SubriteStandIn subrite)
    {
        var query = context.Request.Query;
        var completed = query["onCheckoutCompletedUrl"].ToString();
        var cancel = query["callBackUrl"].ToString();
        var reference = query["reference"].ToString();
        var body = new StringBuilder();
        if (reference.Length > 0)
        {
            body.Append("<p class=\"muted\">Coming from: ").Append(StandInPage.E(reference)).Append("</p>");
        }

        if ((completed.Length > 0 && !allowList.IsAllowed(completed, out _)) || (cancel.Length > 0 && !allowList.IsAllowed(cancel, out _)))
        {
            body.Append("<p class=\"error\">A return URL is not on the allow-list: you will stay here afterwards.</p>");
        }

        var session = sessions.Current(context, subrite.Key);
        if (session is null || readers.Find(subrite.Key, session.ReaderId) is not { } reader)
        {
            body.Append("<p>Sign in to Subrite first.</p>")
                .Append(StandInPage.ReaderChooser(context, subrite, readers, subrite.BasePath + AccountPages.LoginPath,
                    [("returnUrl", context.Request.Path + context.Request.QueryString)]));
            return StandInPage.WriteAsync(context, subrite, "Subrite checkout", body.ToString());
        }

        var asked = query["package"].ToString();
        var packages = subrite.Plans.Where(p => p.Key == asked).ToList() is { Count: > 0 } one ? one : subrite.Plans.ToList();
        body.Append("<p>Buying as ").Append(StandInPage.E(reader.FullName)).Append(". Active now: ")
            .Append(StandInPage.E(StandInPage.PlanSummary(subrite, readers, reader))).Append(".</p>");
        foreach (var package in packages)
        {
            body.Append("<form method=\"post\" action=\"").Append(StandInPage.E(subrite.BasePath + subrite.CheckoutPath)).Append("\">")
                .Append(StandInPage.AntiforgeryField(context))
                .Append(StandInPage.Hidden("package", package.Key))
                .Append(StandInPage.Hidden("onCheckoutCompletedUrl", completed))
                .Append(StandInPage.Hidden("callBackUrl", cancel))
                .Append("<h2>").Append(StandInPage.E(package.Name)).Append(" (package ").Append(StandInPage.E(package.Key)).Append(")</h2>")
                .Append("<p>").Append(StandInPage.E(package.Blurb)).Append("</p>")
                .Append("<button type=\"submit\" name=\"action\" value=\"buy\">Buy ").Append(StandInPage.E(package.Name)).Append(" (free here)</button> ")
                .Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
        }

        return StandInPage.WriteAsync(context, subrite, "Subrite checkout", body.ToString());
    }

    public async Task SubmitAsync(HttpContext context, SubriteStandIn subrite)
    {
        var form = await StandInPage.ReadVerifiedFormAsync(context);
        if (form is null)
        {
            await StandInPage.ErrorAsync(context, subrite, "Checkout failed", "The form could not be verified. Go back and try again.");
            return;
        }

        if (form["action"].ToString() == "cancel")
        {
            if (allowList.IsAllowed(form["callBackUrl"].ToString(), out var back))
            {
                context.Response.Redirect(back!.AbsoluteUri);
                return;
            }

            await StandInPage.WriteAsync(context, subrite, "Checkout cancelled", "<p>Nothing was bought. No allow-listed callBackUrl was given.</p>");
            return;
        }

        var session = sessions.Current(context, subrite.Key);
        var package = subrite.Plans.FirstOrDefault(p => p.Key == form["package"].ToString());
        if (session is null || package is null)
        {
            await StandInPage.ErrorAsync(context, subrite, "Checkout failed", "Sign in first and choose one of the listed packages.");
            return;
        }

        readers.Activate(session.ReaderId, package);
        logger.PlanChanged(subrite.Key, session.ReaderId, package.Key);
        if (allowList.IsAllowed(form["onCheckoutCompletedUrl"].ToString(), out var completed))
        {
            context.Response.Redirect(completed!.AbsoluteUri);
            return;
        }

        await StandInPage.WriteAsync(context, subrite, "Purchase complete",
            $"<p>{StandInPage.E(package.Name)} is now active. No allow-listed onCheckoutCompletedUrl was given.</p>");
    }
}
