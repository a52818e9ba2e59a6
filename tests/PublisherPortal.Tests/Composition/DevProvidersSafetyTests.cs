using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

using PublisherPortal.TestSupport;

namespace PublisherPortal.Tests.Composition;

/// <summary>
/// The stand-in providers sign anyone in as anyone: they run only in Development, only on a loopback base URL unless
/// a setting says the machine is private, and asking for them anywhere else stops the site at start-up.
/// </summary>
public sealed class DevProvidersSafetyTests : IDisposable
{
    // Production also requires a key encryption certificate; with one, only the stand-ins can stop start-up.
    private readonly TestCertificate _certificate = TestCertificate.Rsa();

    private PortalFactory Portal(string environment, Dictionary<string, string?> settings) =>
        new(new PortalSetup { Environment = environment }.With(_certificate.Settings).With(settings));

    public void Dispose() => _certificate.Dispose();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_switching_the_stand_ins_on_stops_start_up_naming_the_setting(string environment)
    {
        using var portal = Portal(environment, new() { ["DevProviders:Enabled"] = "true" });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("DevProviders:Enabled", error.Message);
        Assert.Contains(environment, error.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_development_the_stand_ins_are_off_by_default_and_not_served(string environment)
    {
        using var portal = Portal(environment, new());

        var response = await portal.CreateReader().GetAsync("/dev");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void In_development_on_a_public_base_url_the_stand_ins_stop_start_up_naming_both_settings()
    {
        using var portal = Portal("Development", new() { ["Portal:BaseUrl"] = "https://news.example.com" });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("Portal:BaseUrl", error.Message);
        Assert.Contains("DevProviders:AllowNonLoopbackBaseUrl", error.Message);
    }

    [Theory]
    [InlineData("http://localhost:5090")]
    [InlineData("http://127.0.0.1:5090")]
    [InlineData("http://[::1]:5090")]
    public async Task In_development_on_a_loopback_base_url_the_stand_ins_are_served(string baseUrl)
    {
        using var portal = Portal("Development", new() { ["Portal:BaseUrl"] = baseUrl });

        var response = await portal.CreateReader().GetAsync("/dev");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_launch_profile_lets_an_explicit_ASPNETCORE_ENVIRONMENT_win()
    {
        // dotnet run applies the profile's variables over the shell's: a profile that set ASPNETCORE_ENVIRONMENT made
        // "ASPNETCORE_ENVIRONMENT=Production dotnet run" run as Development, stand-ins and all. DOTNET_ENVIRONMENT is
        // read first and overridden by ASPNETCORE_ENVIRONMENT.
        var path = Path.Combine(DevelopmentSettings.RepositoryRoot, "src", "PublisherPortal", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            var variables = profile.Value.GetProperty("environmentVariables");
            Assert.False(variables.TryGetProperty("ASPNETCORE_ENVIRONMENT", out _), $"profile {profile.Name} overrides ASPNETCORE_ENVIRONMENT");
            Assert.Equal("Development", variables.GetProperty("DOTNET_ENVIRONMENT").GetString());
        }
    }
}
