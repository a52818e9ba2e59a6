using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using PublisherPortal.TestSupport;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A real nginx running the repository's own <c>deploy/nginx/portal.conf</c>, its placeholders filled as the operator
/// guide fills them (ports on 127.0.0.1, a self-signed certificate for the server name), in a folder of its own with
/// one worker (so round robin is one sequence). Stopped by its own process id.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string ServerName = "portal.test";
    private readonly string _folder;
    private readonly ServerProcess _process;

    private NginxProxy(string folder, int httpsPort, int httpPort, ServerProcess process)
    {
        _folder = folder;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
        _process = process;
    }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public string BaseUrl => $"https://{ServerName}:{HttpsPort}";

    public static string ConfigPath => Path.Combine(DevelopmentSettings.RepositoryRoot, "deploy", "nginx", "portal.conf");

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> instancePorts)
    {
        var folder = Directory.CreateTempSubdirectory("portal-nginx-").FullName;
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The nginx tests run on Debian (./test.sh installs nginx).");
        }

        // nginx's workers run unprivileged: they must reach their temp folders.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            File.SetUnixFileMode(Directory.CreateDirectory(Path.Combine(folder, temp)).FullName, (UnixFileMode)0b111_111_111);
        }

        var (certificate, key) = WriteCertificate(folder);
        var httpsPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var portal = Render(await File.ReadAllTextAsync(ConfigPath), new Dictionary<string, string>
        {
            ["PORTAL_SERVER_NAME"] = ServerName,
            ["PORTAL_HTTP_PORT"] = $"127.0.0.1:{httpPort}",
            ["PORTAL_HTTPS_PORT"] = $"127.0.0.1:{httpsPort}",
            ["PORTAL_TLS_CERTIFICATE"] = certificate,
            ["PORTAL_TLS_CERTIFICATE_KEY"] = key,
            ["PORTAL_INSTANCES"] = string.Concat(instancePorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=2s; ")),
        });
        await File.WriteAllTextAsync(Path.Combine(folder, "portal.conf"), portal);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/portal.conf;
            }
            """);
        var process = await ServerProcess.StartAsync("nginx",
            ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;"], httpsPort, "nginx");
        return new NginxProxy(folder, httpsPort, httpPort, process);
    }

    /// <summary>Fills the <c>${NAME}</c> placeholders, as <c>envsubst</c> with a list of names does; an unfilled one is a failure.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var rendered = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"deploy/nginx/portal.conf has a placeholder the guide does not fill: {m.Value}"));
        var unused = values.Keys.Where(k => !template.Contains("${" + k + "}", StringComparison.Ordinal)).ToList();
        return unused.Count == 0 ? rendered : throw new InvalidOperationException("deploy/nginx/portal.conf no longer uses: " + string.Join(", ", unused));
    }

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static (string Certificate, string Key) WriteCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={ServerName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "portal.crt");
        var keyPath = Path.Combine(folder, "portal.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)\}")]
    private static partial Regex Placeholder();
}
