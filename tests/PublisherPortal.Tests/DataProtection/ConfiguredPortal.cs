using Microsoft.AspNetCore.Hosting;

namespace PublisherPortal.Tests.DataProtection;

/// <summary>The site in a given environment with extra settings, optionally on another instance's database.</summary>
internal sealed class ConfiguredPortal(string environment, IDictionary<string, string?> overrides, string? sharedDatabasePath = null)
    : PortalFactory(sharedDatabasePath)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in overrides)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
    }
}
