using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Infrastructure;
using PublisherPortal.Infrastructure.Protection;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Infrastructure.Telemetry;
using PublisherPortal.Providers;
using PublisherPortal.Search;
using PublisherPortal.Admin;
using PublisherPortal.Articles;
using PublisherPortal.Caching;
using PublisherPortal.Data;
using PublisherPortal.Data.Seed;
using PublisherPortal.Entitlements;
using PublisherPortal.DevProviders;
using PublisherPortal.Feeds;
using PublisherPortal.Infrastructure.DataProtection;
using PublisherPortal.Newsroom;
using PublisherPortal.Paywall;
using PublisherPortal.Sessions;
using PublisherPortal.Staff;
using MudBlazor.Services;

namespace PublisherPortal.Composition;

public static class PortalServiceCollectionExtensions
{
    /// <summary>Everything the site needs, feature by feature.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSingleton<FormActionSources>();
        services.AddSingleton<ContentSecurityPolicy>();
        services.AddInstanceSignals(configuration,
            DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Postgres
                ? configuration.GetConnectionString(DatabaseServiceCollectionExtensions.ConnectionStringName)
                : null);

        services.AddPortalDatabase(configuration);
        services.AddSharedDataProtection(configuration, builder.Environment);
        builder.AddRequestProtection();
        builder.AddPortalTelemetry();
        var health = services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"])
            .AddCheck<ProviderReadinessCheck>("providers", tags: ["ready"])
            .AddCheck<SignalsHealthCheck>("signals", tags: ["ready"]);
        if (configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() is { IsConfigured: true })
        {
            health.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        services.AddSingleton<ProviderReadinessCheck>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoContentSeeder>();

        services.AddContentCaching(configuration);
        services.AddSingleton<ContentChanges>();
        services.AddSingleton<ScheduledStories>();

        services.AddScoped<ArticleAccessPolicy>();
        services.AddOptions<MeteringOptions>().Bind(configuration.GetSection(MeteringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ArticleMeter>();
        services.AddScoped<ShopLinks>();
        services.AddScoped<PaywallLinks>();
        services.AddSingleton<ArticleBodyRenderer>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<TaxonomyQueries>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<FrontPageQuery>();
        services.AddScoped<RssFeed>();
        services.AddScoped<SitemapFeed>();
        services.AddSingleton<RobotsFile>();

        var standIns = DevProvidersSwitch.IsEnabled(configuration, builder.Environment);
        if (standIns)
        {
            // The stand-ins' Providers:* settings, built from Portal:BaseUrl beneath every other source (before the
            // provider schemes are registered from them).
            builder.Configuration.AddDevProviderSettings(builder.Environment);
        }

        services.AddReaderSessions(configuration);
        services.AddEntitlements(configuration);
        services.AddSubscriptionProviders(configuration);
        builder.AddReaderAccounts();
        services.AddStaff(configuration);
        services.AddAdmin();
        services.AddNewsroom(configuration);
        if (standIns)
        {
            // Refuses to start in Production, whatever the setting says.
            services.AddDevProviders(configuration, builder.Environment);
        }

        // Reader pages render statically; only the staff area's pages open a circuit (App.razor picks per page).
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        var cookieNames = CookieNames.For(builder.Environment);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookieNames.Antiforgery;
            // A __Host- cookie without Secure is dropped by the browser.
            options.Cookie.SecurePolicy = cookieNames.HostPrefixed ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }
}
