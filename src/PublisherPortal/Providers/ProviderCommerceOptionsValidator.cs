using Microsoft.Extensions.Options;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>Checks one provider's commerce settings at start-up and names the offending key.</summary>
public sealed class ProviderCommerceOptionsValidator(string key, OidcProviderType type) : IValidateOptions<ProviderCommerceOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderCommerceOptions options)
    {
        if (name != key)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        var prefix = $"{OidcDefaults.ProvidersSectionName}:{key}";
        if (type == OidcProviderType.Subrite && !IsHttpUrl(options.MemberApiBase))
        {
            errors.Add($"{prefix}:MemberApiBase must be the absolute URL of Subrite's member API (e.g. https://api.subrite.no): Subrite subscriptions are read from it.");
        }

        if (options.MemberApiBase is { Length: > 0 } && !IsHttpUrl(options.MemberApiBase))
        {
            errors.Add($"{prefix}:MemberApiBase must be an absolute http(s) URL.");
        }

        if (options.CheckoutUrl is { Length: > 0 } && !IsHttpUrl(options.CheckoutUrl))
        {
            errors.Add($"{prefix}:CheckoutUrl must be an absolute http(s) URL.");
        }

        if (options.AccountUrl is { Length: > 0 } && !IsHttpUrl(options.AccountUrl))
        {
            errors.Add($"{prefix}:AccountUrl must be an absolute http(s) URL.");
        }

        foreach (var (setting, path) in new[] { ("SubscribePath", options.SubscribePath), ("OfferPath", options.OfferPath), ("OfferSubscribePath", options.OfferSubscribePath) })
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                errors.Add($"{prefix}:{setting} must be a path starting with '/'.");
            }
        }

        foreach (var (setting, path) in new[] { ("OfferPath", options.OfferPath), ("OfferSubscribePath", options.OfferSubscribePath) })
        {
            if (path is null || !path.Contains("{offer}", StringComparison.Ordinal))
            {
                errors.Add($"{prefix}:{setting} must contain {{offer}}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
