using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.Oidc;

/// <summary>
/// The default answer to a failed sign-in: redirect to the error page with
/// <c>provider={key}&amp;error={code}&amp;description={text}</c>. Provider-sent text is trimmed and stripped of
/// control characters: it arrives from the browser and must stay inert (the page HTML-encodes it).
/// </summary>
internal static class OidcFailureRedirect
{
    private const int MaxDescriptionLength = 300;

    public static void Apply(RemoteFailureContext context)
    {
        var options = (OidcProviderOptions)context.Options;
        var (error, description) = context.Failure is OidcAuthenticationException oidc
            ? (oidc.Error, oidc.ErrorDescription)
            : ("sign_in_failed", "The sign-in could not be completed.");

        var url = QueryHelpers.AddQueryString(options.ErrorPath, new Dictionary<string, string?>
        {
            ["provider"] = context.Scheme.Name,
            ["error"] = SafeCode(error),
            ["description"] = SafeText(description),
        });
        context.Response.Redirect(context.Request.PathBase + url);
        context.HandleResponse();
    }

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
