using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A server a test starts (redis-server, nginx): a plain child process, its output kept for failure messages, stopped
/// by its own id. Waits until the port answers; never sleeps to guess.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

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

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="program"/> and waits until 127.0.0.1:<paramref name="port"/> accepts connections.</summary>
    public static async Task<ServerProcess> StartAsync(string program, IEnumerable<string> arguments, int port, string what)
    {
        var path = Find(program) ?? throw new InvalidOperationException(
            $"{program} is not installed. ./test.sh installs it (Debian package {what}); or: apt-get install -y {what}");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AcceptsAsync(port))
        {
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{program} did not start listening on {port}:\n{server.Output}");
            }

            await Task.Delay(50);
        }

        return server;
    }

    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string? Find(string program) =>
        new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
