using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherPortal.Tests.Scaling;

/// <summary>
/// One instance of the site on a real Kestrel port (127.0.0.1), as nginx reaches it. Test-only: every answer names the
/// instance (<see cref="Header"/>), and <c>/_blazor</c> answers as a circuit endpoint would route (negotiation, a
/// WebSocket), naming the instance, so a test sees where nginx sent each request. The staff circuits themselves are
/// the back office's; this checks only the routing the nginx file gives them.
/// </summary>
public sealed class KestrelInstance(string name, int port, PortalSetup setup) : PortalFactory(setup)
{
    public const string Header = "X-Test-Instance";

    public string Name { get; } = name;

    public int Port { get; } = port;

    public string DirectUrl => $"http://127.0.0.1:{Port}";

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // First of the startup filters, so even the test sign-in's answers carry the name.
        builder.ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new Tag(Name))));
    }

    private sealed class Tag(string name) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseWebSockets();
            app.Use(async (context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[Header] = name;
                    return Task.CompletedTask;
                });
                if (!context.Request.Path.StartsWithSegments("/_blazor"))
                {
                    await nextMiddleware(context);
                    return;
                }

                if (!context.WebSockets.IsWebSocketRequest)
                {
                    await context.Response.WriteAsync(name);
                    return;
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[256];
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                var answer = Encoding.UTF8.GetBytes($"{name}:{Encoding.UTF8.GetString(buffer, 0, received.Count)}");
                await socket.SendAsync(answer, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
            });
            next(app);
        };
    }
}
