using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Pages;

/// <summary>
/// The small server-rendered pages of the stand-ins. Every page carries the "Local test provider" banner
/// so nobody mistakes it for the real provider. All text is HTML-encoded.
/// </summary>
internal static class StandInPage
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static async Task WriteAsync(HttpContext context, StandInProvider? provider, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var name = provider?.DisplayName ?? "provider";
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(E(title)).Append(" · local ").Append(E(name)).Append(" stand-in</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;line-height:1.5}")
            .Append(".dev-banner{background:#fff3cd;border:3px dashed #b35900;color:#5c2e00;padding:.75rem 1rem;font-weight:700}")
            .Append("button{font:inherit;padding:.5rem 1rem;margin:.25rem 0;cursor:pointer}.reader{display:block;width:100%;text-align:left}")
            .Append(".muted{color:#555}.error{color:#a00000}</style></head><body>")
            .Append("<p class=\"dev-banner\" role=\"note\">Local test provider — not the real ").Append(E(name))
            .Append(". Development only: anyone can sign in as any test reader.</p>")
            .Append("<main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>")
            .ToString();

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>An error that must not redirect (unknown client, unregistered redirect URI): shown to the person.</summary>
    public static Task ErrorAsync(HttpContext context, StandInProvider? provider, string title, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        WriteAsync(context, provider, title, "<p class=\"error\">" + E(message) + "</p>", statusCode);

    /// <summary>A hidden antiforgery field for a form posted back to the stand-in.</summary>
    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Hidden(tokens.FormFieldName, tokens.RequestToken);
    }

    public static string Hidden(string name, string? value) =>
        "<input type=\"hidden\" name=\"" + E(name) + "\" value=\"" + E(value) + "\">";

    /// <summary>Reads the posted form after checking its antiforgery token; null when the check fails.</summary>
    public static async Task<IFormCollection?> ReadVerifiedFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }

        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    /// <summary>The list of test readers as buttons of one form: the stand-in's sign-in page.</summary>
    public static string ReaderChooser(HttpContext context, StandInProvider provider, ReaderDirectory readers, string action, IEnumerable<(string Name, string? Value)> hidden)
    {
        var form = new StringBuilder()
            .Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">")
            .Append(AntiforgeryField(context));
        foreach (var (name, value) in hidden)
        {
            form.Append(Hidden(name, value));
        }

        form.Append("<p>Choose the test reader to sign in as:</p>");
        foreach (var reader in readers.ReadersOf(provider.Key))
        {
            form.Append("<button class=\"reader\" type=\"submit\" name=\"reader\" value=\"").Append(E(reader.Id)).Append("\">")
                .Append("<strong>").Append(E(reader.FullName)).Append("</strong> · ").Append(E(reader.Email))
                .Append("<br><span class=\"muted\">").Append(E(reader.Story)).Append(" · now: ")
                .Append(E(PlanSummary(provider, readers, reader))).Append("</span></button>");
        }

        return form.Append("</form>").ToString();
    }

    public static string PlanSummary(StandInProvider provider, ReaderDirectory readers, TestReader reader)
    {
        if (provider.Plans.Count == 0)
        {
            return "registered, no plans at " + provider.DisplayName;
        }

        var active = readers.ActiveSubscriptions(reader.Id);
        return active.Count == 0 ? "no active plan" : string.Join(", ", active.Select(s => s.PlanName + " (" + s.PlanKey + ")"));
    }
}
