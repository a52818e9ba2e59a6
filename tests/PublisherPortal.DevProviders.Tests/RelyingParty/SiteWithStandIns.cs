using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.Oidc;

namespace PublisherPortal.DevProviders.Tests.RelyingParty;

/// <summary>
/// A site as the portal wires it: the stand-ins and our relying party in one process, the relying party configured by
/// nothing but <see cref="DevProvidersConfigurationExtensions.AddDevProviderSettings"/> (what each provider's documents
/// tell an operator to set), at a base URL that is not the default 5080.
/// </summary>
public sealed class SiteWithStandIns : IAsyncDisposable
{
    public const string BaseUrl = "http://localhost:5090";

    private readonly WebApplication _app;

    private SiteWithStandIns(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<SiteWithStandIns> StartAsync(Dictionary<string, string?>? switches = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(switches ?? [])
        {
            ["Portal:BaseUrl"] = BaseUrl,
            ["DevProviders:Enabled"] = "true",
        });
        builder.Configuration.AddDevProviderSettings(builder.Environment);

        WebApplication? app = null;
        var server = new LateServerHandler(() => app!.GetTestServer().CreateHandler());
        builder.Services.AddDevProviders(builder.Configuration, builder.Environment);
        builder.Services.AddHttpClient(BackchannelLogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LateServerHandler(() => app!.GetTestServer().CreateHandler()));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddOidcProviders(builder.Configuration.GetSection("Providers"), (_, o) =>
            {
                o.BaseUrl = BaseUrl;
                o.BackchannelHttpHandler = server;
            });

        app = builder.Build();
        app.UseAuthentication();
        app.MapDevProviders();
        app.MapGet("/login/{provider}", (string provider) => Results.Challenge(new OidcChallengeProperties { RedirectUri = "/me" }, [provider]));
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Text(string.Join("\n", user.Claims.Select(c => $"{c.Type}={c.Value}")))
            : Results.Text("anonymous"));
        app.MapGet("/token/{name}", async (HttpContext context, string name) =>
            Results.Text((await context.AuthenticateAsync()).Properties?.GetTokenValue(name) ?? ""));
        app.MapGet("/logout/{provider}", (string provider) =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/bye" }, [CookieAuthenticationDefaults.AuthenticationScheme, provider]));
        app.MapGet("/bye", () => "signed out");
        await app.StartAsync();
        return new SiteWithStandIns(app);
    }

    public TestBrowser NewBrowser() => new TestBrowser().Route(BaseUrl, _app.GetTestServer().CreateHandler());

    /// <summary>Starts sign-in at <paramref name="provider"/>, picks <paramref name="reader"/> on the stand-in's page, follows through.</summary>
    public static async Task<Page> SignInAsync(TestBrowser browser, string provider, string reader)
    {
        var chooser = await browser.NavigateAsync($"{BaseUrl}/login/{provider}");
        Assert.Equal(HttpStatusCode.OK, chooser.Status);
        var answer = await browser.SubmitAsync(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(chooser.Body), "reader", reader);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return await browser.NavigateAsync(new Uri(new Uri(BaseUrl), answer.Headers.Location!).AbsoluteUri);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Reaches the test server, which exists only once the app is built.</summary>
    private sealed class LateServerHandler(Func<HttpMessageHandler> server) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            InnerHandler ??= server();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
