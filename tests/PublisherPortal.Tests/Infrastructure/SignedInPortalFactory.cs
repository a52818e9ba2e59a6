using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.Infrastructure;

/// <summary>
/// The demo site with Pliro, Subrite and PixelPin configured offline, plus a test-only <c>/test/sign-in</c> endpoint
/// (registered here, never by the app) that signs a reader in through the real path after the provider: the
/// entitlement resolver (Subrite via <see cref="MemberApi"/>), the cookie, the server-side session store, and the
/// per-request tier resolution.
/// </summary>
public class SignedInPortalFactory : PortalFactory
{
    public const string SignInPath = "/test/sign-in";
    private const string TestSigningKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE0C4BrInROabYrvMd8aiMF5ol4bQF
        KaJIH+bme3kwwlC9KKmwUbdZYul3ASIzdCa3xXiq5LwHWhVquP0EyBTfGA==
        -----END PUBLIC KEY-----
        """;

    public FakeMemberApi MemberApi { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, type) in new[] { ("pliro", "Pliro"), ("subrite", "Subrite"), ("pixelpin", "PixelPin") })
            {
                var p = $"Providers:{key}:";
                settings[p + "Type"] = type;
                settings[p + "DisplayName"] = $"{type} Test";
                settings[p + "Issuer"] = $"https://{key}.example";
                settings[p + "ClientId"] = $"{key}-client";
                settings[p + "ClientSecret"] = $"{key}-secret";
                settings[p + "UseDiscovery"] = "false";
                settings[p + "AuthorizationEndpoint"] = $"https://{key}.example/authorize";
                settings[p + "TokenEndpoint"] = $"https://{key}.example/token";
                settings[p + "SigningKeysPem:0"] = TestSigningKeyPem;
                settings[p + "UserInfoEndpoint"] = $"https://{key}.example/userinfo";
            }

            settings["Providers:subrite:MemberApiBase"] = "https://api.subrite.example";
            settings["Providers:subrite:CheckoutUrl"] = "https://shop.subrite.example/checkout";
            settings["Entitlements:MemberApiTimeout"] = "00:00:00.300";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient<SubriteMemberApi>().ConfigurePrimaryHttpMessageHandler(() => MemberApi);
            services.AddSingleton<IStartupFilter>(new TestSignInEndpoint());
        });
    }

    /// <summary>A client signed in as the given reader; its cookie jar holds the real session cookie.</summary>
    public async Task<HttpClient> SignInAsync(string provider, string subject, string? plan = null, string? accessToken = null, string? email = null)
    {
        var client = CreateReader();
        var query = $"?provider={provider}&sub={Uri.EscapeDataString(subject)}"
            + (plan is null ? "" : "&plan=" + Uri.EscapeDataString(plan))
            + (accessToken is null ? "" : "&access_token=" + Uri.EscapeDataString(accessToken))
            + (email is null ? "" : "&email=" + Uri.EscapeDataString(email));
        var response = await client.GetAsync(SignInPath + query);
        response.EnsureSuccessStatusCode();
        return client;
    }

    private sealed class TestSignInEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would make the path a PathBase, and the session cookie's path with it.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != SignInPath)
                {
                    await nextMiddleware(context);
                    return;
                }

                var q = context.Request.Query;
                var provider = q["provider"].ToString();
                var type = Enum.Parse<OidcProviderType>(provider, ignoreCase: true);
                // The claims OidcPrincipalFactory makes from an ID token.
                var identity = new ClaimsIdentity(provider, OidcClaimTypes.Name, OidcClaimTypes.Role);
                identity.AddClaim(new Claim(OidcClaimTypes.Subject, q["sub"].ToString()));
                identity.AddClaim(new Claim(OidcClaimTypes.Issuer, $"https://{provider}.example"));
                identity.AddClaim(new Claim(OidcClaimTypes.Provider, provider));
                if (q["email"].ToString() is { Length: > 0 } email)
                {
                    identity.AddClaim(new Claim(OidcClaimTypes.Email, email));
                }

                foreach (var plan in q["plan"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    identity.AddClaim(new Claim(OidcClaimTypes.Plan, plan));
                }

                context.RequestServices.GetRequiredService<PublisherPortal.Accounts.AdminRoleAssigner>().Apply(new ClaimsPrincipal(identity));
                var accessToken = q["access_token"].ToString();
                await context.RequestServices.GetRequiredService<EntitlementResolver>()
                    .SignInAsync(identity, provider, type, accessToken.Length > 0 ? accessToken : null, context.RequestAborted);
                var properties = new AuthenticationProperties();
                if (accessToken.Length > 0)
                {
                    properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = accessToken }]);
                }

                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}
