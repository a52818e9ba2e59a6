using Microsoft.Extensions.DependencyInjection;

namespace PublisherPortal.Oidc.Tests.Fakes;

/// <summary>One hostile provider (<c>op</c>), one site, one browser: the setting of most conformance tests.</summary>
public sealed class Scenario : IAsyncDisposable
{
    public const string Key = "op";

    private Scenario(HostileProvider provider, RelyingParty site)
    {
        Provider = provider;
        Site = site;
        Browser = site.NewBrowser(provider);
    }

    public HostileProvider Provider { get; }
    public RelyingParty Site { get; }
    public TestBrowser Browser { get; }

    public static async Task<Scenario> StartAsync(
        Action<Dictionary<string, string?>>? settings = null,
        Action<OidcProviderOptions>? configure = null,
        Action<HostileProvider>? arrange = null,
        string type = "Generic",
        string baseUrl = "https://rp.test",
        Action<IServiceCollection>? services = null,
        string issuer = "https://op.test")
    {
        var provider = await HostileProvider.StartAsync(issuer);
        arrange?.Invoke(provider);
        var values = RelyingParty.SettingsFor(Key, provider, type);
        settings?.Invoke(values);
        var site = await RelyingParty.StartAsync(new Dictionary<string, HostileProvider> { [Key] = provider }, values, baseUrl,
            (_, o) => configure?.Invoke(o), services);
        return new Scenario(provider, site);
    }

    public Task<Page> SignInAsync(string query = "") => Browser.NavigateAsync($"{Site.BaseUrl}/login/{Key}{query}");

    public Task<Page> MeAsync() => Browser.NavigateAsync($"{Site.BaseUrl}/me");

    public async Task AssertSignedInAsync(Page page)
    {
        Assert.Equal("/me", page.Path);
        Assert.StartsWith("signed-in:", page.Body);
        Assert.True(Browser.HasCookie(Site.BaseUrl, RelyingParty.AuthCookie));
        Assert.StartsWith("signed-in:", (await MeAsync()).Body);
    }

    /// <summary>The refusal contract: error page naming provider and code, and no session of any kind.</summary>
    public async Task AssertRefusedAsync(Page page, string error)
    {
        Assert.Equal("/account/error", page.Path);
        Assert.Equal(Key, page.Query("provider"));
        Assert.Equal(error, page.Query("error"));
        Assert.Null(page.Query("description"));
        Assert.False(Browser.HasCookie(Site.BaseUrl, RelyingParty.AuthCookie));
        Assert.Equal("anonymous", (await MeAsync()).Body);
    }

    /// <summary>Why a sign-in was refused is told to the log (for support), not to the browser.</summary>
    public void AssertLogged(string fragment) =>
        Assert.True(Site.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, fragment), $"No warning containing '{fragment}' in:\n{Site.Logs.Text}");

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
