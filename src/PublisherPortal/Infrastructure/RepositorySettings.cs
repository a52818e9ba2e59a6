using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PublisherPortal.Infrastructure;

public static class RepositorySettings
{
    /// <summary>
    /// The operator's appsettings.json lives at the repository root (it is copied next to the app on build and
    /// publish). When the content root is set elsewhere and has none (test hosts use the project folder), read the
    /// copy in the slot of the content root's appsettings.json, so environment files, user-secrets and environment
    /// variables still override it.
    /// </summary>
    public static void UseRepositorySettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var contentRootFile = Path.Combine(environment.ContentRootPath, "appsettings.json");
        var copiedFile = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(contentRootFile) || !File.Exists(copiedFile))
        {
            return;
        }

        var sources = ((IConfigurationBuilder)configuration).Sources;
        var slot = sources.OfType<JsonConfigurationSource>().FirstOrDefault(s => s.Path == "appsettings.json");
        var replacement = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = false,
            // The host's own switch for its appsettings files: each watch holds an inotify instance, of which a user
            // has only a few (128 by default), so hosts that never change their files (tests) turn watching off.
            ReloadOnChange = configuration.GetValue("hostBuilder:reloadConfigOnChange", defaultValue: true),
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        if (slot is null)
        {
            sources.Insert(0, replacement);
        }
        else
        {
            sources[sources.IndexOf(slot)] = replacement;
        }
    }
}
