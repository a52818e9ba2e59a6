using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Pages;
using PublisherPortal.DevProviders.Pipa;
using PublisherPortal.DevProviders.PixelPin;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;
using PublisherPortal.DevProviders.Subrite;

namespace PublisherPortal.DevProviders;

/// <summary>Registration of the local stand-in providers.</summary>
public static class DevProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stand-ins when <c>DevProviders:Enabled</c> is true (default: true in Development only).
    /// Throws in Production whatever the setting says: the stand-ins sign anyone in as anyone.
    /// Reads <c>Portal:BaseUrl</c> and <c>DevProviders:*</c>; validated at start-up.
    /// </summary>
    public static IServiceCollection AddDevProviders(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ProductionRefusal.ThrowIfProduction(environment);

        var enabled = configuration.GetValue<bool?>("DevProviders:Enabled") ?? environment.IsDevelopment();
        if (!enabled)
        {
            return services;
        }

        services.AddOptions<DevProvidersOptions>()
            .Configure(options =>
            {
                configuration.GetSection("DevProviders").Bind(options);
                options.Enabled = true;
                options.BaseUrl = configuration["Portal:BaseUrl"] ?? "";
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DevProvidersOptions>, DevProvidersOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddAntiforgery();
        services.AddHttpClient(BackchannelLogoutSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        services.TryAddSingleton<DevProvidersMarker>();
        services.TryAddSingleton<PliroStandIn>();
        services.TryAddSingleton<SubriteStandIn>();
        services.TryAddSingleton<PixelPinStandIn>();
        services.TryAddSingleton<PipaStandIn>();
        services.TryAddSingleton<ReaderDirectory>();
        services.TryAddSingleton<GrantStore>();
        services.TryAddSingleton<StandInSessionStore>();
        services.TryAddSingleton<IdTokenFactory>();
        services.TryAddSingleton<AccessTokenValidator>();
        services.TryAddSingleton<AuthorizeEndpoint>();
        services.TryAddSingleton<TokenEndpoint>();
        services.TryAddSingleton<UserInfoEndpoint>();
        services.TryAddSingleton<ReturnUrlAllowList>();
        services.TryAddSingleton<AccountPages>();
        services.TryAddSingleton<ShopPage>();
        services.TryAddSingleton<StandInSignOut>();
        services.TryAddSingleton<BackchannelLogoutSender>();
        services.TryAddSingleton<PliroEndSessionEndpoint>();
        services.TryAddSingleton<MemberApiEndpoint>();
        services.TryAddSingleton<SubriteEndSessionEndpoint>();
        return services;
    }
}
