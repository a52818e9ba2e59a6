using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PublisherPortal.Data.Seed;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.Oidc;
using PublisherPortal.Providers;
using PublisherPortal.Testing;
using PublisherPortal.TestSupport;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// The whole site in-process on its own SQLite file, seeded with the demo publication at a clock the test controls,
/// so tests know exactly which articles exist and which sentences must never leak. A <see cref="PortalSetup"/> says
/// what else it is made of; the test sign-in endpoint (<see cref="TestSignIn"/>) is always there.
/// </summary>
public class PortalFactory(PortalSetup setup) : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://portal.test";
    private readonly bool _ownsDatabase = setup.SharedDatabasePath is null;

    public PortalSetup Setup { get; } = setup;

    public string DatabasePath { get; } = setup.SharedDatabasePath ?? Path.Combine(Path.GetTempPath(), $"portal-tests-{Guid.NewGuid():N}.db");

    /// <summary>
    /// The site's clock at start (it stands still until a test moves it). Real time, to the second: cookies the site
    /// sets expire by its clock but are kept by the test's cookie jar on the real one.
    /// </summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public FakeTimeProvider Clock => Services.GetRequiredService<FakeTimeProvider>();

    /// <summary>The relying party's calls to the stand-ins, for <see cref="ProviderSetup.StandIns"/>: a test may take an endpoint down.</summary>
    public ProviderOutage? Outage { get; private set; }

    /// <summary>Subrite's member API, for <see cref="ProviderSetup.Offline"/>.</summary>
    public FakeMemberApi MemberApi { get; } = new();

    /// <summary>The content the site seeded, rebuilt from the same deterministic generator.</summary>
    public DemoContent Demo => _demo ??= DemoPublication.Create(Now.UtcDateTime);
    private DemoContent? _demo;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Setup.Environment);
        // A test host never needs to reload its settings, and every file watcher costs an inotify instance (128 per user).
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        // Outside Development the build's static web assets (fingerprinted, pre-compressed CSS) are only found through
        // the build manifest; a published app has them in wwwroot instead.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new FakeTimeProvider(Now));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>()));
            services.AddSingleton<IStartupFilter, TestSignIn>();
            switch (Setup.Providers)
            {
                case ProviderSetup.Offline:
                    services.AddHttpClient<SubriteMemberApi>().ConfigurePrimaryHttpMessageHandler(() => MemberApi);
                    break;
                case ProviderSetup.StandIns:
                    // The relying party, the stand-ins' back-channel logout and Subrite's member API all call the site itself.
                    Outage = new ProviderOutage(new LateServerHandler(() => Server.CreateHandler()));
                    services.ConfigureAll<OidcProviderOptions>(o => o.BackchannelHttpHandler = Outage);
                    services.AddHttpClient(BackchannelLogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => Server.CreateHandler()));
                    services.AddHttpClient<SubriteMemberApi>().ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => Server.CreateHandler()));
                    break;
            }

            if (Setup.ProviderBackchannel is { } backchannel)
            {
                // Configure (not PostConfigure): the relying party builds its HttpClient from this handler afterwards.
                services.ConfigureAll<OidcProviderOptions>(o => o.BackchannelHttpHandler = backchannel);
            }
        });
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Portal:SeedDemoContent"] = "true",
            ["Portal:BaseUrl"] = BaseUrl,
        };
        switch (Setup.Providers)
        {
            case ProviderSetup.Offline:
                foreach (var (key, type) in new[] { ("pliro", "Pliro"), ("subrite", "Subrite"), ("pixelpin", "PixelPin") })
                {
                    var p = $"Providers:{key}:";
                    settings[p + "Type"] = type;
                    settings[p + "DisplayName"] = $"{type} Test";
                    settings[p + "Issuer"] = $"https://{key}.example";
                    settings[p + "ClientId"] = $"{key}-client";
                    settings[p + "ClientSecret"] = $"{key}-secret";
                    settings[p + "UseDiscovery"] = "false";
                    settings[p + "AuthorizationEndpoint"] = $"https://{key}.example/authorize";
                    settings[p + "TokenEndpoint"] = $"https://{key}.example/token";
                    settings[p + "SigningKeysPem:0"] = TestSigningKey.Pem;
                    settings[p + "UserInfoEndpoint"] = $"https://{key}.example/userinfo";
                }

                settings["Providers:subrite:MemberApiBase"] = "https://api.subrite.example";
                settings["Providers:subrite:CheckoutUrl"] = "https://shop.subrite.example/checkout";
                settings["Entitlements:MemberApiTimeout"] = "00:00:00.300";
                break;
            case ProviderSetup.Pliro:
                settings["Providers:pliro:Type"] = "Pliro";
                settings["Providers:pliro:DisplayName"] = "Pliro";
                settings["Providers:pliro:Issuer"] = LogoutTokenMinter.Issuer;
                settings["Providers:pliro:ClientId"] = LogoutTokenMinter.ClientId;
                settings["Providers:pliro:ClientSecret"] = "pliro-secret";
                settings["Providers:pliro:UseDiscovery"] = "false";
                settings["Providers:pliro:AuthorizationEndpoint"] = LogoutTokenMinter.Issuer + "/oauth/authorize";
                settings["Providers:pliro:TokenEndpoint"] = LogoutTokenMinter.Issuer + "/oauth/token";
                settings["Providers:pliro:SigningKeysPem:0"] = Setup.PliroSigningKeyPem
                    ?? throw new InvalidOperationException("ProviderSetup.Pliro needs PliroSigningKeyPem.");
                settings["Sessions:CacheLifetime"] = "00:00:05";
                break;
            case ProviderSetup.StandIns:
                foreach (var (key, value) in DevelopmentSettings.For(BaseUrl))
                {
                    settings[key] = value;
                }

                // The stand-ins run only in Development, and the test server's made-up host is not a loopback address.
                settings["DevProviders:AllowNonLoopbackBaseUrl"] = "true";
                break;
        }

        foreach (var (key, value) in Setup.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A client with no cookies that follows no redirects: an anonymous reader, or a provider posting to us.</summary>
    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri(BaseUrl),
    });

    /// <summary>A reader's browser on this site: one cookie jar, redirects shown one by one.</summary>
    public TestBrowser NewBrowser() => new TestBrowser().Route(BaseUrl, Server.CreateHandler());

    /// <summary>
    /// A client signed in as the given reader through <see cref="TestSignIn"/> (the real path after the provider: plans,
    /// session store, cookie); its browser keeps the session cookie.
    /// </summary>
    /// <param name="emailVerified">Whether the provider asserted the e-mail verified (<c>email_verified</c>).</param>
    public async Task<HttpClient> SignInAsync(
        string provider, string subject, string? plan = null, string? accessToken = null, string? email = null, bool emailVerified = false)
    {
        var client = NewBrowser().CreateClient();
        var form = new List<KeyValuePair<string, string>> { new("provider", provider), new(OidcClaimTypes.Subject, subject) };
        form.AddRange((plan ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new KeyValuePair<string, string>(OidcClaimTypes.Plan, p)));
        if (accessToken is not null)
        {
            form.Add(new("access_token", accessToken));
        }

        if (email is not null)
        {
            form.Add(new(OidcClaimTypes.Email, email));
        }

        if (emailVerified)
        {
            form.Add(new(OidcClaimTypes.EmailVerified, "true"));
        }

        var response = await client.PostAsync(TestSignIn.Path, new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
