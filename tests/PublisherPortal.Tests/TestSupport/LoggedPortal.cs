using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublisherPortal.Testing;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>A test site whose every log entry, at the levels the shipped appsettings.json lets through, lands in <see cref="Logs"/>.</summary>
public sealed class LoggedPortal(PortalSetup setup) : PortalFactory(setup)
{
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
