using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PublisherPortal.Data.Seed;

namespace PublisherPortal.E2E.Infrastructure;

/// <summary>
/// The site on a real Kestrel port on 127.0.0.1, with its own SQLite file and the demo publication, for a browser
/// to visit. The port is chosen before start-up because Portal:BaseUrl (and later the sign-in redirect URIs) need it.
/// </summary>
public class LivePortal : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"portal-e2e-{Guid.NewGuid():N}.db");

    public LivePortal(int? port = null)
    {
        Port = port ?? FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public DemoContent Demo => _demo ??= DemoPublication.Create(DateTime.UtcNow);
    private DemoContent? _demo;

    public string DatabasePath => _databasePath;

    protected virtual string Environment => "Testing";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Portal"] = $"Data Source={_databasePath}",
        ["Portal:SeedDemoContent"] = "true",
        ["Portal:BaseUrl"] = BaseUrl,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // A test host never needs to reload its settings, and every file watcher costs an inotify instance (128 per user).
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        // Outside Development the build's static web assets (fingerprinted, pre-compressed CSS) are only found through
        // the build manifest; a published app has them in wwwroot instead.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
