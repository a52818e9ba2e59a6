
namespace PublisherPortal.Tests.Composition;

public sealed class StartupValidationTests
{
    [Fact]
    public void A_database_provider_typo_stops_start_up_naming_the_setting()
    {
        using var portal = new ConfiguredPortal(new() { ["Database:Provider"] = "Postgress" });
        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());
        Assert.Contains("Database:Provider", error.Message);
        Assert.Contains("Postgress", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        using var portal = new ConfiguredPortal(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Portal"] = "" });
        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());
        Assert.Contains("ConnectionStrings:Portal", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("portal.example.com")]
    [InlineData("ftp://portal.example.com")]
    public void A_relative_or_missing_base_url_stops_start_up_naming_the_setting(string baseUrl)
    {
        using var portal = new ConfiguredPortal(new() { ["Portal:BaseUrl"] = baseUrl });
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains("Portal:BaseUrl", error.Message);
    }

    private sealed class ConfiguredPortal(Dictionary<string, string?> overrides) : PortalFactory
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
    }
}
