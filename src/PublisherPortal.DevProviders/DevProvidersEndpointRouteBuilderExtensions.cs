using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Hosting;
using PublisherPortal.DevProviders.Pipa;
using PublisherPortal.DevProviders.PixelPin;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Subrite;

namespace PublisherPortal.DevProviders;

/// <summary>Endpoint mapping of the local stand-in providers.</summary>
public static class DevProvidersEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the stand-ins under <c>/dev/pliro</c>, <c>/dev/subrite</c>, <c>/dev/pixelpin</c>, <c>/dev/pipa</c>
    /// when <see cref="DevProvidersServiceCollectionExtensions.AddDevProviders"/> enabled them; maps nothing otherwise.
    /// Throws in Production.
    /// </summary>
    public static IEndpointRouteBuilder MapDevProviders(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        ProductionRefusal.ThrowIfProduction(services.GetRequiredService<IHostEnvironment>());
        if (services.GetService<DevProvidersMarker>() is null)
        {
            return endpoints;
        }

        StandInProvider[] providers =
        [
            services.GetRequiredService<PliroStandIn>(),
            services.GetRequiredService<SubriteStandIn>(),
            services.GetRequiredService<PixelPinStandIn>(),
            services.GetRequiredService<PipaStandIn>(),
        ];
        StandInRoutes.MapAll(endpoints, providers);
        services.GetRequiredService<ILoggerFactory>().CreateLogger("PublisherPortal.DevProviders")
            .StandInsMapped(string.Join(", ", providers.Select(p => $"{p.DisplayName} at {p.Issuer}")));
        return endpoints;
    }
}
