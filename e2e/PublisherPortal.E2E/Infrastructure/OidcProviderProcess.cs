using System.Diagnostics;
using PublisherPortal.TestSupport;

namespace PublisherPortal.E2E.Infrastructure;

/// <summary>
/// The real third-party OpenID provider (node oidc-provider, e2e/op) as a child process on a free loopback port.
/// Ready when it prints <c>OP_READY {issuer}</c>: no sleeping.
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private readonly Process _process;

    private OidcProviderProcess(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static async Task<OidcProviderProcess> StartAsync(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", "server.mjs")
        {
            WorkingDirectory = Path.Combine(DevelopmentSettings.RepositoryRoot, "e2e", "op"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OP_PORT"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                await process.WaitForExitAsync(timeout.Token);
                throw new InvalidOperationException(
                    $"e2e/op exited ({process.ExitCode}) before it was ready. Did ./test.sh run 'npm ci --prefix e2e/op'? " + string.Join('\n', errors));
            }

            if (line.StartsWith("OP_READY ", StringComparison.Ordinal))
            {
                return new OidcProviderProcess(process, line["OP_READY ".Length..].Trim());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
