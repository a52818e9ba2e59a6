using Microsoft.Extensions.Configuration;

namespace PublisherPortal.E2E.Infrastructure;

/// <summary>
/// The site with its local stand-in providers, configured by the very appsettings.Development.json a newcomer runs
/// with (only the port differs), so these tests prove the committed first-run settings sign in.
/// </summary>
public sealed class StandInPortal : LivePortal
{
    private const string DevelopmentBaseUrl = "http://localhost:5080";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            var json = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "src/PublisherPortal/appsettings.Development.json"))
                .Replace(DevelopmentBaseUrl, BaseUrl, StringComparison.Ordinal);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            foreach (var (key, value) in new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable())
            {
                if (value is not null && key is not "Portal:BaseUrl" and not "Portal:SeedDemoContent")
                {
                    settings[key] = value;
                }
            }

            return settings;
        }
    }
}
