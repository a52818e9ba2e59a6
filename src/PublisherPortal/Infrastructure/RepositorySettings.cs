using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PublisherPortal.Infrastructure;

public static class RepositorySettings
{
    /// <summary>
    /// The operator's appsettings.json lives at the repository root (it is copied next to the app on build and
    /// publish). Read it in the slot of the content root's appsettings.json, so environment files, user-secrets and
    /// environment variables still override it.
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
            // As the default appsettings.json source would: hosts that never reload (tests) watch no files.
            ReloadOnChange = slot?.ReloadOnChange ?? true,
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
