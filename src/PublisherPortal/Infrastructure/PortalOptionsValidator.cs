using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure;

/// <summary>Checks what data annotations cannot: that BaseUrl is an absolute http(s) URL.</summary>
public sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail(
                $"{PortalOptions.SectionName}:BaseUrl must be the site's absolute public URL, e.g. https://news.example.com (it is '{options.BaseUrl}').");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return ValidateOptionsResult.Fail($"{PortalOptions.SectionName}:BaseUrl must not carry a query or fragment.");
        }

        return ValidateOptionsResult.Success;
    }
}
