using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.TestSupport;

using PublisherPortal.Providers;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// The site with its local stand-in providers in one test server, configured by the committed
/// appsettings.Development.json (only the base URL differs). Calls between the relying party and the stand-ins,
/// both ways, go through the test server instead of the network.
/// </summary>
public sealed class StandInFactory : PortalFactory
{
    protected override bool EnableTestSignIn => true;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in DevelopmentSettings.For(BaseUrl))
            {
                settings[key] = value;
            }

            // The stand-ins run only in Development, and the test server's made-up host is not a loopback address.
            settings["DevProviders:AllowNonLoopbackBaseUrl"] = "true";

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureServices(services =>
        {
            var server = new LateServerHandler(() => Server.CreateHandler());
            services.ConfigureAll<OidcProviderOptions>(o => o.BackchannelHttpHandler = server);
            services.AddHttpClient(BackchannelLogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => Server.CreateHandler()));
            services.AddHttpClient<SubriteMemberApi>().ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => Server.CreateHandler()));
        });
    }
}
