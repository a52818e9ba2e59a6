using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherPortal.Tests.Hosting;

/// <summary>
/// Each watched settings file holds an inotify instance, and a user has 128 of them across all their processes:
/// with hundreds of test hosts (and other suites running beside them) watching would run out. The host's own switch,
/// hostBuilder:reloadConfigOnChange, turns every watch off, the repository settings' included.
/// </summary>
public sealed class SettingsFileWatchTests(DemoSite portal) : IClassFixture<DemoSite>
{
    [Fact]
    public void A_test_host_watches_none_of_its_settings_files()
    {
        var files = ((IConfigurationRoot)portal.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }
}
