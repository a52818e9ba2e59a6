using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublisherPortal.Oidc.Tests.Fakes;

/// <summary>
/// A minimal site using the library as the web app will: cookie authentication as SignInScheme, one scheme
/// per provider from a <c>Providers</c> section, a protected page and a page showing who is signed in.
/// Each provider's back-channel goes to its <see cref="HostileProvider"/>'s TestServer.
/// </summary>
public sealed class RelyingParty : IAsyncDisposable
{
    public const string AuthCookie = ".Portal.Auth";

    private readonly WebApplication _app;

    private RelyingParty(WebApplication app, string baseUrl, LogSink logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
    }

    /// <summary>Everything the site logged: refusals are explained here, never in the error page's URL.</summary>
    public LogSink Logs { get; }

    public string BaseUrl { get; }
    public TestServer Server => _app.GetTestServer();
    public IServiceProvider Services => _app.Services;

    /// <summary>Settings are given as <c>Providers:{key}:{setting}</c> pairs; each key is wired to its provider.</summary>
    public static async Task<RelyingParty> StartAsync(
        IReadOnlyDictionary<string, HostileProvider> providers,
        IDictionary<string, string?> settings,
        string baseUrl = "https://rp.test",
        Action<string, OidcProviderOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var logs = new LogSink();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        services?.Invoke(builder.Services);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAuthorization();
        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = providers.Keys.First();
            })
            .AddCookie(o => o.Cookie.Name = AuthCookie)
            .AddOidcProviders(builder.Configuration.GetSection("Providers"), (key, o) =>
            {
                if (providers.TryGetValue(key, out var provider))
                {
                    o.BackchannelHttpHandler = provider.Server.CreateHandler();
                }
                configure?.Invoke(key, o);
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/login/{provider}", (string provider, string? prompt, int? maxAge) =>
        {
            var properties = new OidcChallengeProperties { RedirectUri = "/me", Prompt = prompt };
            if (maxAge is { } seconds) properties.MaxAge = TimeSpan.FromSeconds(seconds);
            return Results.Challenge(properties, [provider]);
        });
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Text("signed-in:" + user.Identity.Name + "\n" + string.Join("\n", user.Claims.Select(c => $"{c.Type}={c.Value}")))
            : Results.Text("anonymous"));
        app.MapGet("/tokens", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync();
            return Results.Text(string.Join("\n", result.Properties?.GetTokens().Select(t => t.Name) ?? []));
        });
        app.MapGet("/protected", () => "the protected page").RequireAuthorization();
        app.MapGet("/logout/{provider}", (string provider) =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/bye" }, [CookieAuthenticationDefaults.AuthenticationScheme, provider]));
        app.MapGet("/logout-to/{provider}", (string provider, string returnUrl) =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = returnUrl }, [CookieAuthenticationDefaults.AuthenticationScheme, provider]));
        app.MapGet("/login-to/{provider}", (string provider, string returnUrl) =>
            Results.Challenge(new OidcChallengeProperties { RedirectUri = returnUrl }, [provider]));
        app.MapGet("/", () => "home");
        app.MapGet("/bye", () => "signed out");
        app.MapGet("/account/error", () => "error page");

        await app.StartAsync();
        return new RelyingParty(app, baseUrl, logs);
    }

    /// <summary>Typical settings for one provider pointing at <paramref name="provider"/>.</summary>
    public static Dictionary<string, string?> SettingsFor(string key, HostileProvider provider, string type = "Generic") => new()
    {
        [$"Providers:{key}:Type"] = type,
        [$"Providers:{key}:DisplayName"] = $"Provider {key}",
        [$"Providers:{key}:Issuer"] = provider.Issuer,
        [$"Providers:{key}:ClientId"] = HostileProvider.ClientId,
        [$"Providers:{key}:ClientSecret"] = HostileProvider.ClientSecret,
    };

    public TestBrowser NewBrowser(params HostileProvider[] providers)
    {
        var browser = new TestBrowser().Route(BaseUrl, Server.CreateHandler());
        foreach (var provider in providers)
        {
            browser.Route(provider.Issuer, provider.Server.CreateHandler());
        }
        return browser;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
