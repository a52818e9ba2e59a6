using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc;

/// <summary>Derives what follows from the settings: paths from the key, the metadata address from the
/// issuer, state protectors, the back-channel client and cookie policy.</summary>
internal sealed class OidcPostConfigureOptions(IDataProtectionProvider dataProtection) : IPostConfigureOptions<OidcProviderOptions>
{
    public void PostConfigure(string? name, OidcProviderOptions o)
    {
        if (name is null) return;

        if (string.IsNullOrEmpty(o.Key)) o.Key = name;
        if (!o.CallbackPath.HasValue) o.CallbackPath = new PathString(OidcDefaults.CallbackPathPrefix + name);
        if (!o.SignedOutCallbackPath.HasValue) o.SignedOutCallbackPath = new PathString(OidcDefaults.SignOutCallbackPathPrefix + name);
        o.DisplayName ??= name;

        if (string.IsNullOrWhiteSpace(o.MetadataAddress) && !string.IsNullOrWhiteSpace(o.Issuer))
        {
            o.MetadataAddress = o.Issuer.TrimEnd('/') + OidcDefaults.DiscoveryPath;
        }
        o.BaseUrl = string.IsNullOrWhiteSpace(o.BaseUrl) ? null : o.BaseUrl.TrimEnd('/');

        o.DataProtectionProvider ??= dataProtection;
        if (o.StateDataFormat is null)
        {
            o.StateDataFormat = new PropertiesDataFormat(o.DataProtectionProvider.CreateProtector(typeof(OidcProviderOptions).FullName!, name, "state", "v1"));
        }
        if (o.SignOutStateDataFormat is null)
        {
            o.SignOutStateDataFormat = new PropertiesDataFormat(o.DataProtectionProvider.CreateProtector(typeof(OidcProviderOptions).FullName!, name, "signout-state", "v1"));
        }

        // Over https the correlation cookie is Secure; over plain http (Development) it stays usable.
        // form_post arrives as a cross-site POST, which only carries SameSite=None cookies.
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.CorrelationCookie.SameSite = o.ResponseMode == OidcResponseMode.FormPost ? SameSiteMode.None : SameSiteMode.Lax;
        o.CorrelationCookie.HttpOnly = true;
        o.CorrelationCookie.IsEssential = true;

        if (o.Backchannel is null)
        {
            o.Backchannel = new HttpClient(o.BackchannelHttpHandler ?? new HttpClientHandler())
            {
                Timeout = o.BackchannelTimeout,
                MaxResponseContentBufferSize = 1024 * 1024 * 10,
            };
            o.Backchannel.DefaultRequestHeaders.UserAgent.ParseAdd("PublisherPortal.Oidc/1.0");
        }
    }
}
