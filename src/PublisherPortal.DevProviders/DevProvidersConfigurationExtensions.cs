using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;
using PublisherPortal.DevProviders.Hosting;

namespace PublisherPortal.DevProviders;

/// <summary>The portal's provider settings for the stand-ins, so that nothing in a settings file names a host or port.</summary>
public static class DevProvidersConfigurationExtensions
{
    /// <summary>
    /// Adds <c>Providers:pliro|subrite|pixelpin|pipa:*</c> for the stand-ins, built from <c>Portal:BaseUrl</c> and
    /// <c>DevProviders:*</c> as they are now, beneath every other configuration source: any key an operator sets in a
    /// settings file, user-secrets or the environment still wins. Call it before the providers are registered, and only
    /// when the stand-ins are enabled. Throws in Production, like <c>AddDevProviders</c>.
    /// </summary>
    public static IConfigurationManager AddDevProviderSettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ProductionRefusal.ThrowIfProduction(environment);
        var options = new DevProvidersOptions();
        configuration.GetSection("DevProviders").Bind(options);
        options.BaseUrl = configuration["Portal:BaseUrl"] ?? "";
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            return configuration; // AddDevProviders' start-up validation names Portal:BaseUrl.
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = StandInSettings.For(options) });
        return configuration;
    }
}
