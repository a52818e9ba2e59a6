using System.Net;
using System.Net.Sockets;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A TCP relay the test controls, between the site and a server it must not stop (the shared PostgreSQL): cutting it
/// drops every connection at once and refuses new ones, as a restarting database does; opening it lets them through again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(TcpClient Client, TcpClient Server)> _pairs = [];
    private readonly Task _accepting;
    private volatile bool _open = true;

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Drops every open connection and refuses new ones until <see cref="Open"/>.</summary>
    public void Cut()
    {
        _open = false;
        lock (_pairs)
        {
            foreach (var (client, server) in _pairs)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, as a killed backend sends
                client.Dispose();
                server.Dispose();
            }

            _pairs.Clear();
        }
    }

    public void Open() => _open = true;

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        Cut();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (!_open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort);
            lock (_pairs)
            {
                _pairs.Add((client, server));
            }

            await Task.WhenAny(Pump(client.GetStream(), server.GetStream()), Pump(server.GetStream(), client.GetStream()));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            lock (_pairs)
            {
                _pairs.Remove((client, server));
            }

            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task Pump(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
    }
}
