using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Tests.Infrastructure;

namespace PublisherPortal.Tests.StandIns;

/// <summary>
/// The site with its local stand-in providers in one test server, configured by the committed
/// appsettings.Development.json (only the base URL differs). Calls between the relying party and the stand-ins,
/// both ways, go through the test server instead of the network.
/// </summary>
public sealed class StandInFactory : PortalFactory
{
    private const string DevelopmentBaseUrl = "http://localhost:5080";

    protected override bool EnableTestSignIn => true;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            var json = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/PublisherPortal/appsettings.Development.json"))
                .Replace(DevelopmentBaseUrl, BaseUrl, StringComparison.Ordinal);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            foreach (var (key, value) in new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable())
            {
                if (value is not null && key is not "Portal:BaseUrl" and not "Portal:SeedDemoContent")
                {
                    settings[key] = value;
                }
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            var server = new LateServerHandler(() => Server.CreateHandler());
            services.ConfigureAll<OidcProviderOptions>(o => o.BackchannelHttpHandler = server);
            services.AddHttpClient(BackchannelLogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => Server.CreateHandler()));
            services.AddHttpClient<SubriteMemberApi>().ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => Server.CreateHandler()));
        });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublisherPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PublisherPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
