using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

using PublisherPortal.Providers;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// The demo site with Pliro, Subrite and PixelPin configured offline, signing readers in through
/// <see cref="TestSignIn"/>: the real path after the provider (entitlement resolver with Subrite via
/// <see cref="MemberApi"/>, cookie, server-side session store, per-request tier resolution).
/// </summary>
public class SignedInPortalFactory : PortalFactory
{
    protected override bool EnableTestSignIn => true;


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
                settings[p + "SigningKeysPem:0"] = TestSigningKey.Pem;
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
        });
    }

    /// <summary>A client signed in as the given reader; its cookie jar holds the real session cookie.</summary>
    /// <param name="emailVerified">Whether the provider asserted the e-mail verified (<c>email_verified</c>).</param>
    public async Task<HttpClient> SignInAsync(
        string provider, string subject, string? plan = null, string? accessToken = null, string? email = null, bool emailVerified = false)
    {
        var client = CreateReader();
        var form = new List<KeyValuePair<string, string>> { new("provider", provider), new(OidcClaimTypes.Subject, subject) };
        form.AddRange((plan ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new KeyValuePair<string, string>(OidcClaimTypes.Plan, p)));
        if (accessToken is not null)
        {
            form.Add(new("access_token", accessToken));
        }

        if (email is not null)
        {
            form.Add(new(OidcClaimTypes.Email, email));
        }

        if (emailVerified)
        {
            form.Add(new(OidcClaimTypes.EmailVerified, "true"));
        }

        var response = await client.PostAsync(TestSignIn.Path, new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        return client;
    }
}
