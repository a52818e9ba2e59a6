using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublisherPortal.Data.Seed;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// The whole site in-process on its own SQLite file, seeded with the demo publication at a fixed clock, so tests
/// know exactly which articles exist and which sentences must never leak.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://portal.test";
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public PortalFactory()
        : this(null)
    {
    }

    /// <param name="sharedDatabasePath">Another instance's SQLite file, to run two instances on one database.</param>
    protected PortalFactory(string? sharedDatabasePath)
    {
        _ownsDatabase = sharedDatabasePath is null;
        _databasePath = sharedDatabasePath ?? Path.Combine(Path.GetTempPath(), $"portal-tests-{Guid.NewGuid():N}.db");
    }

    /// <summary>
    /// The site's clock at start (it stands still until a test moves it). Real time, to the second: cookies the site
    /// sets expire by its clock but are kept by the test's cookie jar on the real one.
    /// </summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>Registers <see cref="TestSignIn"/> (<c>POST /test/sign-in</c>).</summary>
    protected virtual bool EnableTestSignIn => false;

    public FixedTimeProvider Clock => Services.GetRequiredService<FixedTimeProvider>();

    /// <summary>The content the site seeded, rebuilt from the same deterministic generator.</summary>
    public DemoContent Demo => _demo ??= DemoPublication.Create(Now.UtcDateTime);
    private DemoContent? _demo;

    public string DatabasePath => _databasePath;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Portal"] = $"Data Source={_databasePath}",
        ["Database:Provider"] = "Sqlite",
        ["Portal:SeedDemoContent"] = "true",
        ["Portal:BaseUrl"] = BaseUrl,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // A test host never needs to reload its settings, and every file watcher costs an inotify instance (128 per user).
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        // Outside Development the build's static web assets (fingerprinted, pre-compressed CSS) are only found through
        // the build manifest; a published app has them in wwwroot instead.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new FixedTimeProvider(Now));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<FixedTimeProvider>()));
            if (EnableTestSignIn)
            {
                services.AddSingleton<IStartupFilter, TestSignIn>();
            }
        });
    }

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri(BaseUrl),
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
