using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PublisherPortal.TestSupport;

namespace PublisherPortal.Tests.Hosting;

/// <summary>
/// The site published to a folder of its own and started the way a service manager starts it:
/// <c>dotnet PublisherPortal.dll</c> from another working directory, in Production, on a free loopback port (Kestrel
/// picks it; the site reports it). Stopped and deleted afterwards.
/// </summary>
public sealed partial class PublishedSite : IAsyncLifetime
{
    /// <summary>Read from appsettings.Production.json beside the app, which only a content root in the app's folder finds.</summary>
    public const string PublicationName = "The Gazette Started Elsewhere";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"portal-published-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private readonly TestCertificate _certificate = TestCertificate.Rsa();
    private Process? _process;
    private Task? _drain;

    public string AppFolder => Path.Combine(_root, "app");

    public string WorkingDirectory => Path.Combine(_root, "elsewhere");

    public HttpClient Client { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkingDirectory);
        await PublishAsync();
        await File.WriteAllTextAsync(Path.Combine(AppFolder, "appsettings.Production.json"),
            $$"""{ "Portal": { "PublicationName": "{{PublicationName}}" } }""");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "PublisherPortal.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var inherited in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_URLS", "DOTNET_URLS" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataProtection__CertificatePath"] = _certificate.FilePath;
        start.Environment["DataProtection__CertificatePassword"] = _certificate.Password;
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = await WaitUntilListeningAsync(_process) };
        _drain = DrainAsync(_process.StandardOutput);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            await (_drain ?? Task.CompletedTask);
            _process.Dispose();
        }

        _certificate.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task PublishAsync()
    {
        // The solution is built already (./test.sh, or dotnet test): publishing only lays out the app and its wwwroot.
        var configuration = typeof(PublishedSite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var publish = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = DevelopmentSettings.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "src/PublisherPortal", "--no-build", "-c", configuration, "-o", AppFolder, "-nologo" })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("dotnet publish could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }

    private async Task<Uri> WaitUntilListeningAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                Append(line);
                if (ListeningOn().Match(line) is { Success: true } match)
                {
                    return new Uri(match.Groups["url"].Value);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"The published site did not report listening within {StartTimeout}:\n{Output}");
        }

        throw new InvalidOperationException($"The published site exited before listening:\n{Output}");
    }

    // Keep reading what the site logs, so a full pipe never blocks it, and keep it for failure messages.
    private async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            Append(line);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
