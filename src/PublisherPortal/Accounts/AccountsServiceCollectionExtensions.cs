using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;

namespace PublisherPortal.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string CookieName = "portal.session";

    /// <summary>
    /// Readers sign in at their subscription provider (one OpenID Connect scheme per <c>Providers:{key}</c>) into a
    /// cookie that carries only a server-side session id.
    /// </summary>
    public static WebApplicationBuilder AddReaderAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var plainHttpAllowed = !builder.Environment.IsProduction();
        services.AddSingleton<AdminRoleAssigner>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Plain http works for a newcomer's first run; anywhere else the cookie is Secure.
                options.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.LoginPath = "/account/login";
                options.ReturnUrlParameter = "returnUrl";
                options.AccessDeniedPath = "/account/denied";
                // Idle timeout and sliding renewal come from Sessions:IdleTimeout (AddReaderSessions).
                options.SlidingExpiration = true;
            })
            .AddOidcProviders(builder.Configuration.GetSection(OidcDefaults.ProvidersSectionName), (_, options) =>
            {
                options.BaseUrl = builder.Configuration[$"{PortalOptions.SectionName}:BaseUrl"];
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                if (builder.Environment.IsDevelopment())
                {
                    // The local stand-in providers run on http://localhost.
                    options.RequireHttpsMetadata = false;
                }

                // A failed prompt=none (after checkout, or to refresh stale plans) never strands the reader on an error page.
                options.Events.OnRemoteFailure = SilentSignInFailure.HandleAsync;
                options.Events.OnTokenValidated = async context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<AdminRoleAssigner>().Apply(context.Principal!);
                    if (context.Principal!.Identity is ClaimsIdentity identity)
                    {
                        // The plan snapshot (keys, time, source) goes into the session; the tier is derived per request.
                        await context.HttpContext.RequestServices.GetRequiredService<EntitlementResolver>().SignInAsync(
                            identity, context.Scheme.Name, context.Options.Type, context.TokenEndpointResponse.AccessToken,
                            context.HttpContext.RequestAborted);
                    }
                };
            });

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return builder;
    }
}
