namespace PublisherPortal.Infrastructure;

/// <summary>Whether the local stand-in providers run: <c>DevProviders:Enabled</c>, true by default in Development only.</summary>
public static class DevProvidersSwitch
{
    public const string SettingKey = "DevProviders:Enabled";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(SettingKey, environment.IsDevelopment());
}
