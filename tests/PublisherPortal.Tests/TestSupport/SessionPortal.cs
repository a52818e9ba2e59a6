using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// The site with a Pliro-typed provider whose signing key the test holds (no network: endpoints and PEM key from
/// settings) and the test sign-in endpoint. Two of these on one database file are two instances behind a load balancer.
/// </summary>
public class SessionPortal : PortalFactory
{
    private readonly LogoutTokenMinter _minter;
    private readonly IDictionary<string, string?> _extra;

    private readonly HttpMessageHandler? _provider;

    /// <param name="provider">Stands in for the provider's token endpoint (refresh tests); nothing else is called.</param>
    public SessionPortal(LogoutTokenMinter minter, string? sharedDatabasePath = null, IDictionary<string, string?>? settings = null,
        HttpMessageHandler? provider = null)
        : base(sharedDatabasePath)
    {
        _minter = minter;
        _extra = settings ?? new Dictionary<string, string?>();
        _provider = provider;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_provider is not null)
        {
            // Configure (not PostConfigure): the relying party builds its HttpClient from this handler afterwards.
            builder.ConfigureServices(services => services.ConfigureAll<OidcProviderOptions>(o => o.BackchannelHttpHandler = _provider));
        }
    }

    protected override bool EnableTestSignIn => true;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Providers:pliro:Type"] = "Pliro";
            settings["Providers:pliro:DisplayName"] = "Pliro";
            settings["Providers:pliro:Issuer"] = LogoutTokenMinter.Issuer;
            settings["Providers:pliro:ClientId"] = LogoutTokenMinter.ClientId;
            settings["Providers:pliro:ClientSecret"] = "pliro-secret";
            settings["Providers:pliro:UseDiscovery"] = "false";
            settings["Providers:pliro:AuthorizationEndpoint"] = LogoutTokenMinter.Issuer + "/oauth/authorize";
            settings["Providers:pliro:TokenEndpoint"] = LogoutTokenMinter.Issuer + "/oauth/token";
            settings["Providers:pliro:SigningKeysPem:0"] = _minter.PublicKeyPem;
            settings["Sessions:CacheLifetime"] = "00:00:05";
            foreach (var (key, value) in _extra)
            {
                settings[key] = value;
            }

            return settings;
        }
    }
}
