using System.Net;

namespace PublisherPortal.Infrastructure;

/// <summary>
/// Whether the local stand-in providers run. They sign anyone in as any test reader, so: only in Development (on by
/// default there, <c>DevProviders:Enabled</c>), and only while the site's base URL is a loopback address, unless
/// <c>DevProviders:AllowNonLoopbackBaseUrl</c> says the machine is private. Asking for them anywhere else stops the
/// app at start-up with a message naming the setting, instead of quietly serving or quietly not serving them.
/// </summary>
public static class DevProvidersSwitch
{
    public const string SettingKey = "DevProviders:Enabled";
    public const string NonLoopbackKey = "DevProviders:AllowNonLoopbackBaseUrl";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        var requested = configuration.GetValue<bool?>(SettingKey);
        if (!environment.IsDevelopment())
        {
            return requested == true
                ? throw new InvalidOperationException(
                    $"{SettingKey} is true but the environment is {environment.EnvironmentName}: the stand-in providers sign anyone in " +
                    "as anyone and run only in Development. Remove the setting, or run with ASPNETCORE_ENVIRONMENT=Development on your own machine.")
                : false;
        }

        if (requested == false)
        {
            return false;
        }

        var baseUrl = configuration[$"{PortalOptions.SectionName}:BaseUrl"];
        if (!IsLoopback(baseUrl) && !configuration.GetValue<bool>(NonLoopbackKey))
        {
            throw new InvalidOperationException(
                $"The stand-in providers are on ({SettingKey}) but {PortalOptions.SectionName}:BaseUrl '{baseUrl}' is not a loopback address, " +
                $"so anyone who can reach it could sign in as anyone. Set {SettingKey}=false, or {NonLoopbackKey}=true if this machine is private.");
        }

        return true;
    }

    private static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
