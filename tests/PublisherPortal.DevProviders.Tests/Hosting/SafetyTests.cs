using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PublisherPortal.DevProviders.Tests.Infrastructure;

namespace PublisherPortal.DevProviders.Tests.Hosting;

public sealed class SafetyTests
{
    private static WebApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData(null)]
    public void AddDevProviders_refuses_Production_whatever_the_setting_says(string? enabled)
    {
        var builder = Builder(Environments.Production, new() { ["Portal:BaseUrl"] = StandInHost.PortalBase, ["DevProviders:Enabled"] = enabled });

        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddDevProviders(builder.Configuration, builder.Environment));
        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDevProviders_refuses_Production_too()
    {
        var builder = Builder(Environments.Development, new() { ["Portal:BaseUrl"] = StandInHost.PortalBase });
        builder.Services.AddDevProviders(builder.Configuration, builder.Environment);
        // The environment the endpoints see is Production, even though registration ran under Development.
        builder.Services.AddSingleton<IHostEnvironment>(new ProductionEnvironment());
        await using var app = builder.Build();

        Assert.Throws<InvalidOperationException>(() => app.MapDevProviders());
    }

    [Fact]
    public async Task Development_enables_the_stand_ins_by_default()
    {
        var builder = Builder(Environments.Development, new() { ["Portal:BaseUrl"] = StandInHost.PortalBase });
        builder.Services.AddDevProviders(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        app.MapDevProviders();
        await app.StartAsync();

        var response = await app.GetTestClient().GetAsync("/dev/pliro/signing-keys.pem");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Staging", null)]
    [InlineData("Development", "false")]
    public async Task Without_the_setting_outside_Development_or_when_disabled_nothing_is_mapped(string environment, string? enabled)
    {
        var builder = Builder(environment, new() { ["Portal:BaseUrl"] = StandInHost.PortalBase, ["DevProviders:Enabled"] = enabled });
        builder.Services.AddDevProviders(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        app.MapDevProviders();
        await app.StartAsync();

        var response = await app.GetTestClient().GetAsync("/dev/pliro/signing-keys.pem");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("localhost:5080")]
    [InlineData("ftp://localhost")]
    public async Task A_missing_or_bad_base_url_fails_at_start_up_naming_the_setting(string? baseUrl)
    {
        var builder = Builder(Environments.Development, new() { ["Portal:BaseUrl"] = baseUrl });
        builder.Services.AddDevProviders(builder.Configuration, builder.Environment);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Portal:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_stand_in_page_carries_the_local_test_provider_banner()
    {
        await using var host = await StandInHost.StartAsync();
        using var client = host.NewClient();
        foreach (var path in new[] { "/dev", "/dev/pliro/account", "/dev/pliro/subscribe", "/dev/pliro/offers/digital-plus-monthly", "/dev/pliro/signing-keys", "/dev/subrite/checkout", "/dev/pixelpin/login", "/dev/pipa/plans", "/dev/pliro/oauth/end_session" })
        {
            var page = await TestBrowser.ParseAsync(await client.GetAsync(path));
            Assert.True(page.QuerySelector(".dev-banner")?.TextContent.Contains("Local test provider", StringComparison.Ordinal) == true, path);
        }
    }

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    [Fact]
    public async Task A_signing_key_setting_that_is_not_a_key_stops_start_up_naming_it()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            StandInHost.StartAsync(new() { ["DevProviders:pliro:SigningKey"] = "bm90IGEga2V5" }));

        Assert.Contains("DevProviders:pliro:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
