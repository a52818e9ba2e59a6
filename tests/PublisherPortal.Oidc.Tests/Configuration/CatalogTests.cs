using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Configuration;

public sealed class CatalogTests
{
    [Fact]
    public async Task Lists_configured_providers_with_display_name_and_type()
    {
        await using var s = await Scenario.StartAsync(type: "PixelPin");

        var catalog = s.Site.Services.GetRequiredService<OidcProviderCatalog>();

        var provider = Assert.Single(catalog.Providers);
        Assert.Equal(new OidcProviderInfo("op", "Provider op", OidcProviderType.PixelPin), provider);
        Assert.True(catalog.TryGet("op", out _));
        Assert.False(catalog.TryGet("OP", out _));
        Assert.False(catalog.TryGet(null, out _));
    }
}
