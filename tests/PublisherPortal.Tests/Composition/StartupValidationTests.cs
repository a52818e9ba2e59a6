
namespace PublisherPortal.Tests.Composition;

public sealed class StartupValidationTests
{
    [Fact]
    public void A_database_provider_typo_stops_start_up_naming_the_setting()
    {
        using var portal = new PortalFactory(new PortalSetup().With(new Dictionary<string, string?> { ["Database:Provider"] = "Postgress" }));
        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());
        Assert.Contains("Database:Provider", error.Message);
        Assert.Contains("Postgress", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        using var portal = new PortalFactory(new PortalSetup().With(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Portal"] = "" }));
        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());
        Assert.Contains("ConnectionStrings:Portal", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("portal.example.com")]
    [InlineData("ftp://portal.example.com")]
    public void A_relative_or_missing_base_url_stops_start_up_naming_the_setting(string baseUrl)
    {
        using var portal = new PortalFactory(new PortalSetup().With(new Dictionary<string, string?> { ["Portal:BaseUrl"] = baseUrl }));
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains("Portal:BaseUrl", error.Message);
    }

    [Theory]
    [InlineData("Caching:MaxAge", "00:00:00")]
    [InlineData("Caching:MaxAge", "2.00:00:00")]
    [InlineData("Caching:SizeLimitMiB", "0")]
    public void A_cache_setting_out_of_range_stops_start_up_naming_the_setting(string key, string value)
    {
        using var portal = new PortalFactory(new PortalSetup().With(key, value));
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains(key, error.Message);
    }
}
