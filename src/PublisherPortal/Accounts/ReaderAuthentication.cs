using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Accounts;

public static class ReaderAuthentication
{
    /// <summary>
    /// Readers sign in at their subscription provider (one OpenID Connect scheme per <c>Providers:{key}</c>) into a
    /// cookie that carries only a server-side session id. The one place the session cookie is configured.
    /// </summary>
    public static WebApplicationBuilder AddReaderAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var cookieNames = CookieNames.For(builder.Environment);
        services.AddSingleton(cookieNames);
        services.AddScoped<ReaderAccessor>();
        services.AddScoped<ReaderSignIn>();
        services.AddScoped<ReaderSignInEvents>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = cookieNames.Session;
                options.Cookie.HttpOnly = true;
                // Lax: the cookie rides along when a provider redirects the reader back, never on cross-site posts.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.Cookie.SecurePolicy = cookieNames.HostPrefixed ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/account/login";
                options.ReturnUrlParameter = "returnUrl";
                options.AccessDeniedPath = "/account/denied";
                options.SlidingExpiration = true;
                // The session id onto the request's principal, for staff circuits to revalidate against the store.
                options.Events.OnValidatePrincipal = SessionPrincipal.AttachSessionIdAsync;
            })
            .AddOidcProviders(builder.Configuration.GetSection(OidcDefaults.ProvidersSectionName), (_, options) =>
            {
                options.BaseUrl = builder.Configuration[$"{PortalOptions.SectionName}:BaseUrl"];
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.EventsType = typeof(ReaderSignInEvents);
                options.PrefixedCookieNames = cookieNames.HostPrefixed;
                if (builder.Environment.IsDevelopment())
                {
                    // The local stand-in providers run on http://localhost.
                    options.RequireHttpsMetadata = false;
                }
            });

        // The session store and its lifetime are the session feature's; idle timeout slides with each renewal.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseTicketStore, IOptionsMonitor<Sessions.SessionOptions>>((cookie, store, sessions) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = sessions.CurrentValue.IdleTimeout;
            });

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return builder;
    }
}
