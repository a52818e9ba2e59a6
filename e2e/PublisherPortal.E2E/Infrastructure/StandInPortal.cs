using PublisherPortal.TestSupport;

namespace PublisherPortal.E2E.Infrastructure;

/// <summary>
/// The site with its local stand-in providers, configured by the very appsettings.Development.json a newcomer runs
/// with (only the port differs), so these tests prove the committed first-run settings sign in.
/// </summary>
public sealed class StandInPortal : LivePortal
{
    /// <summary>The stand-ins run only in Development (on a loopback base URL, as here).</summary>
    protected override string Environment => "Development";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in DevelopmentSettings.For(BaseUrl))
            {
                settings[key] = value;
            }

            return settings;
        }
    }
}
