using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using PublisherPortal.DevProviders.Pliro;

namespace PublisherPortal.DevProviders.Tests.Infrastructure;

/// <summary>
/// The stand-ins in a TestServer, configured as the portal would configure them, with a hand-moved clock and a
/// captured back-channel. Also the relying-party steps a test needs: authorize, pick a reader, redeem the code.
/// </summary>
public sealed class StandInHost : IAsyncDisposable
{
    public const string PortalBase = "http://localhost:5080";

    private readonly WebApplication _app;

    private StandInHost(WebApplication app, FakeTimeProvider clock, CapturingHandler backchannel)
    {
        _app = app;
        Clock = clock;
        Backchannel = backchannel;
        Server = app.GetTestServer();
    }

    public FakeTimeProvider Clock { get; }
    public CapturingHandler Backchannel { get; }
    public TestServer Server { get; }

    public static async Task<StandInHost> StartAsync(Dictionary<string, string?>? settings = null, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?> { ["Portal:BaseUrl"] = PortalBase, ["DevProviders:Enabled"] = "true" };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backchannel = new CapturingHandler();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddDevProviders(builder.Configuration, builder.Environment);
        builder.Services.AddHttpClient(BackchannelLogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => backchannel);

        var app = builder.Build();
        app.MapDevProviders();
        await app.StartAsync();
        return new StandInHost(app, clock, backchannel);
    }

    public TestBrowser NewBrowser() => new TestBrowser().Route(PortalBase, Server.CreateHandler());

    /// <summary>A plain server-to-server client: no cookies, no redirects followed.</summary>
    public HttpClient NewClient()
    {
        var client = Server.CreateClient();
        client.BaseAddress = new Uri(PortalBase);
        return client;
    }

    public static string ClientId(string provider) => $"portal-dev-{provider}";
    public static string Secret(string provider) => $"dev-stand-in-secret-{provider}";
    public static string RedirectUri(string provider) => $"{PortalBase}/signin-{provider}";

    public static string AuthorizePath(string provider) => provider switch
    {
        "pliro" => "/dev/pliro/oauth/authorize",
        "subrite" => "/dev/subrite/api/oidc/auth",
        "pixelpin" => "/dev/pixelpin/connect/authorize",
        "pipa" => "/dev/pipa/auth/authorize",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static string TokenPath(string provider) => provider switch
    {
        "pliro" => "/dev/pliro/oauth/token",
        "subrite" => "/dev/subrite/api/oidc/token",
        "pixelpin" => "/dev/pixelpin/connect/token",
        "pipa" => "/dev/pipa/auth/token",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static string JwksPath(string provider) => provider switch
    {
        "pliro" => "/dev/pliro/oauth/discovery/keys",
        "subrite" => "/dev/subrite/api/oidc/jwks",
        "pixelpin" => "/dev/pixelpin/.well-known/openid-configuration/jwks",
        "pipa" => "/dev/pipa/auth/jwks",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static string Issuer(string provider) => provider == "subrite" ? $"{PortalBase}/dev/subrite/api/oidc" : $"{PortalBase}/dev/{provider}";

    public static string Verifier { get; } = new string('v', 20) + "-PKCE-verifier-of-enough-length-0123456789";

    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>A well-formed authorization request for the provider, with every parameter it requires.</summary>
    public static Dictionary<string, string?> AuthorizeParameters(string provider) => provider switch
    {
        "pliro" => new() { ["response_type"] = "code", ["client_id"] = ClientId(provider), ["redirect_uri"] = RedirectUri(provider), ["scope"] = "openid email profile", ["state"] = "st-1", ["nonce"] = "n-1" },
        "subrite" => new() { ["response_type"] = "code", ["client_id"] = ClientId(provider), ["redirect_uri"] = RedirectUri(provider), ["scope"] = "openid offline_access email profile", ["state"] = "st-1", ["nonce"] = "n-1", ["code_challenge"] = Challenge(Verifier), ["code_challenge_method"] = "S256" },
        "pixelpin" => new() { ["response_type"] = "code", ["client_id"] = ClientId(provider), ["redirect_uri"] = RedirectUri(provider), ["scope"] = "openid email profile address", ["state"] = "st-1", ["nonce"] = "n-1" },
        "pipa" => new() { ["response_type"] = "code", ["client_id"] = ClientId(provider), ["redirect_uri"] = RedirectUri(provider), ["scope"] = "openid email", ["state"] = "st-1", ["nonce"] = "n-1" },
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static string Url(string path, IDictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => p.Value is not null));

    /// <summary>Authorize, pick <paramref name="readerId"/> on the sign-in page, return the redirect's query.</summary>
    public static async Task<Dictionary<string, string>> SignInAsync(TestBrowser browser, string provider, string readerId, Action<Dictionary<string, string?>>? adjust = null)
    {
        var parameters = AuthorizeParameters(provider);
        adjust?.Invoke(parameters);
        var page = await browser.GetAsync(Url(AuthorizePath(provider), parameters));
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Authorize answered {(int)page.StatusCode} {page.Headers.Location}");
        }

        var answer = await browser.SubmitAsync(await TestBrowser.ParseAsync(page), "reader", readerId);
        return RedirectQuery(answer, RedirectUri(provider));
    }

    /// <summary>The query of a redirect to <paramref name="expectedTarget"/>; fails if the response is anything else.</summary>
    public static Dictionary<string, string> RedirectQuery(HttpResponseMessage response, string expectedTarget)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(expectedTarget, location, StringComparison.Ordinal);
        var query = location.Contains('?', StringComparison.Ordinal) ? location[location.IndexOf('?', StringComparison.Ordinal)..] : "";
        return QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>The token request each provider documents (Basic for Pliro, the body for the others).</summary>
    public static HttpRequestMessage CodeRequest(string provider, string code, string? verifier = null)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri(provider) };
        if (provider == "subrite")
        {
            fields["code_verifier"] = verifier ?? Verifier;
        }

        return TokenRequest(provider, fields);
    }

    public static HttpRequestMessage TokenRequest(string provider, Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TokenPath(provider));
        if (provider == "pliro")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId(provider)}:{Secret(provider)}")));
        }
        else
        {
            fields["client_id"] = ClientId(provider);
            fields["client_secret"] = Secret(provider);
        }

        request.Content = new FormUrlEncodedContent(fields);
        return request;
    }

    public async Task<JsonElement> RedeemAsync(string provider, string code)
    {
        using var client = NewClient();
        var response = await client.SendAsync(CodeRequest(provider, code));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The keys a relying party can learn: Pliro's from its signing-keys page (PEM), the others' from their JWKS.</summary>
    public async Task<IReadOnlyList<SecurityKey>> PublishedKeysAsync(string provider)
    {
        using var client = NewClient();
        if (provider == "pliro")
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(await client.GetStringAsync("/dev/pliro/signing-keys.pem"));
            return [new ECDsaSecurityKey(ec)];
        }

        return new JsonWebKeySet(await client.GetStringAsync(JwksPath(provider))).GetSigningKeys().ToList();
    }

    /// <summary>Validates a JWT against the keys the stand-in publishes, the way the portal will.</summary>
    public async Task<JsonWebToken> ValidateAsync(string provider, string jwt, string? audience = null, bool validateLifetime = true)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = Issuer(provider),
            ValidAudience = audience ?? ClientId(provider),
            IssuerSigningKeys = await PublishedKeysAsync(provider),
            ValidateLifetime = validateLifetime,
            LifetimeValidator = validateLifetime ? (_, expires, _, _) => expires > Clock.GetUtcNow().UtcDateTime : null,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
