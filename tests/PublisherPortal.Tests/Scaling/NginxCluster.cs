using System.Net;
using System.Net.Sockets;
using PublisherPortal.Testing;

namespace PublisherPortal.Tests.Scaling;

/// <summary>
/// Three instances of the site in Production on one PostgreSQL database, behind a real nginx running
/// <c>deploy/nginx/portal.conf</c> over TLS, trusting only nginx (127.0.0.1) for forwarded headers. Clients can connect
/// from other loopback addresses (127.0.0.3, 127.0.0.4...) to play different readers, or someone who is not the proxy.
/// Newsroom cases (publish on A visible on B and C; scheduled publishing runs once) will be one more test each here.
/// </summary>
public sealed class NginxCluster : IAsyncLifetime
{
    public const int SearchLimit = 4;
    private readonly TestCertificate _keys = TestCertificate.Rsa();
    private PostgresDatabase _database = null!;

    public IReadOnlyList<KestrelInstance> Instances { get; private set; } = [];

    public NginxProxy Nginx { get; private set; } = null!;

    public LogoutTokenMinter Minter { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var ports = new[] { FreePort.Next(), FreePort.Next(), FreePort.Next() };
        Nginx = await NginxProxy.StartAsync(ports);
        var instances = new List<KestrelInstance>();
        foreach (var (name, port) in new[] { "A", "B", "C" }.Zip(ports))
        {
            var setup = PortalSetup.Pliro(Minter).With(RevocationAcrossInstancesTests.Postgres(_database)).With(_keys.Settings).With(new Dictionary<string, string?>
            {
                ["Sessions:CacheLifetime"] = RevocationDelay.CacheLifetime,
                ["Entitlements:MappingCacheDuration"] = "00:05:00",
                // The base URL is nginx's: redirects and cookies are for the public site.
                ["Portal:BaseUrl"] = Nginx.BaseUrl,
                ["Proxy:KnownProxies:0"] = "127.0.0.1",
                ["RateLimits:Search:PermitLimit"] = SearchLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimits:Search:Window"] = "00:10:00",
            }) with { Environment = "Production" };
            var instance = new KestrelInstance(name, port, setup);
            instance.Start(); // one after the other: the first migrates and seeds
            instances.Add(instance);
        }

        Instances = instances;
    }

    /// <summary>A browser reaching the site through nginx over https, connecting from <paramref name="from"/>.</summary>
    public TestBrowser Browser(string from = "127.0.0.3") => new TestBrowser().Route(Nginx.BaseUrl, Handler(from, Nginx.HttpsPort));

    /// <summary>A client straight to one instance, bypassing nginx, connecting from <paramref name="from"/>.</summary>
    public HttpClient Direct(KestrelInstance instance, string from = "127.0.0.3") =>
        new(Handler(from, instance.Port)) { BaseAddress = new Uri(instance.DirectUrl) };

    public static SocketsHttpHandler Handler(string from, int port) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(1),
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public async Task DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        foreach (var instance in Instances.Reverse())
        {
            await instance.DisposeAsync();
        }

        await _database.DisposeAsync();
        _keys.Dispose();
    }
}
