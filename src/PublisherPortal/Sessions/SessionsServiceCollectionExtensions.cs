using Microsoft.Extensions.Options;
using PublisherPortal.Oidc;

namespace PublisherPortal.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// Server-side reader sessions behind the auth cookie: findable and endable from any instance. The cookie itself
    /// is configured once, with the rest of sign-in (Accounts/ReaderAuthentication).
    /// </summary>
    public static IServiceCollection AddReaderSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AbsoluteLifetime >= o.IdleTimeout,
                $"{SessionOptions.SectionName}:AbsoluteLifetime must not be shorter than {SessionOptions.SectionName}:IdleTimeout.")
            .ValidateOnStart();
        services.AddSingleton<SessionTicketCache>();
        services.AddSingleton<SessionTerminator>();
        // Registered before the relying party's in-memory default, so sign-in states are single-use on every instance.
        services.AddSingleton<DatabaseReplayStore>();
        services.AddSingleton<IOidcReplayStore>(sp => sp.GetRequiredService<DatabaseReplayStore>());
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<SessionWriteLock>();
        services.AddSingleton<ReaderSessionUpdater>();
        services.AddSingleton<SessionProbe>();
        services.AddSingleton<IReaderAccessTokens, RefreshingAccessTokens>();
        services.AddSingleton<SessionCleanupService>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionCleanupService>());
        return services;
    }
}
