using Microsoft.AspNetCore.Hosting;

namespace PublisherPortal.Tests.Composition;

public sealed class DevProvidersSafetyTests
{
    [Fact]
    public void The_site_refuses_to_start_in_production_with_the_stand_in_providers_switched_on()
    {
        using var portal = new ProductionPortal(new Dictionary<string, string?> { ["DevProviders:Enabled"] = "true" });
        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("Production", error.ToString());
    }

    [Fact]
    public async Task In_production_the_stand_ins_are_off_by_default_and_not_served()
    {
        using var portal = new ProductionPortal(new Dictionary<string, string?>());
        var response = await portal.CreateReader().GetAsync("/dev/pliro/.well-known/openid-configuration");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class ProductionPortal(Dictionary<string, string?> overrides) : PortalFactory
    {
        // Production also requires a key encryption certificate; with one, only the stand-ins can stop start-up.
        private readonly TestCertificate _certificate = TestCertificate.Rsa();

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                foreach (var (key, value) in _certificate.Settings)
                {
                    settings[key] = value;
                }

                foreach (var (key, value) in overrides)
                {
                    settings[key] = value;
                }

                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                _certificate.Dispose();
            }
        }
    }
}
