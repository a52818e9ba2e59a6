using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.Oidc;

/// <summary>
/// The default answer to a failed sign-in: redirect to the error page with <c>provider={key}&amp;error={code}</c> only.
/// No description travels in the URL: the page explains each known code in its own words, and text in a URL can be
/// written by anyone. Descriptions go to the log, through <see cref="SafeText"/>.
/// </summary>
internal static class OidcFailureRedirect
{
    private const int MaxDescriptionLength = 300;

    public static void Apply(RemoteFailureContext context)
    {
        var options = (OidcProviderOptions)context.Options;
        var error = context.Failure is OidcAuthenticationException oidc ? oidc.Error : "sign_in_failed";
        context.Response.Redirect(context.Request.PathBase + LocalUrl.OrHome(Url(options, context.Scheme.Name, error)));
        context.HandleResponse();
    }

    /// <summary>The error page for <paramref name="error"/>: the code is a reference for support, made safe to echo.</summary>
    internal static string Url(OidcProviderOptions options, string provider, string error) =>
        QueryHelpers.AddQueryString(options.ErrorPath, new Dictionary<string, string?>
        {
            ["provider"] = provider,
            ["error"] = SafeCode(error),
        });

    /// <summary>Error codes are RFC 6749 tokens; anything else is replaced, never echoed.</summary>
    internal static string SafeCode(string code)
    {
        if (code.Length is > 0 and <= 64 && code.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.'))
        {
            return code;
        }
        return "invalid_error";
    }

    internal static string SafeText(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxDescriptionLength));
        foreach (var c in text)
        {
            if (builder.Length >= MaxDescriptionLength)
            {
                break;
            }
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString();
    }
}
