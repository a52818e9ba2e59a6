using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;

namespace PublisherPortal.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>Server-side reader sessions behind the auth cookie: findable and endable from any instance.</summary>
    public static IServiceCollection AddReaderSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AbsoluteLifetime >= o.IdleTimeout,
                $"{SessionOptions.SectionName}:AbsoluteLifetime must not be shorter than {SessionOptions.SectionName}:IdleTimeout.")
            .ValidateOnStart();
        services.AddSingleton<SessionTicketCache>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<SessionTerminator>();
        services.AddSingleton<ReaderSessionUpdater>();
        services.AddSingleton<IReaderAccessTokens, RefreshingAccessTokens>();
        services.AddSingleton<SessionCleanupService>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionCleanupService>());
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseTicketStore, IOptionsMonitor<SessionOptions>>((cookie, store, sessions) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = sessions.CurrentValue.IdleTimeout;
            });
        return services;
    }
}
