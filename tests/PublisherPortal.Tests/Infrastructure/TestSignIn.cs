using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Accounts;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;

namespace PublisherPortal.Tests.Infrastructure;

/// <summary>
/// Test-only: <c>POST /test/sign-in</c> signs a reader in with the claims and tokens the relying party would have
/// produced, then runs exactly what follows a real sign-in: admin roles, the entitlement resolver (Subrite's member
/// API included), the cookie and the server-side session store. Lets tests skip the provider dance (which the Oidc
/// and e2e suites cover) while exercising everything after it. Registered only by test factories.
/// </summary>
public sealed class TestSignIn : IStartupFilter
{
    public const string Path = "/test/sign-in";

    /// <summary>Answers the reader's provider access token as <see cref="IReaderAccessTokens"/> hands it out.</summary>
    public const string AccessTokenPath = "/test/access-token";

    /// <summary>Starts a silent re-authentication (<c>prompt=none</c>) at <c>?provider=</c>, back to <c>?returnUrl=</c>.</summary>
    public const string SilentPath = "/test/silent-sign-in";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path == AccessTokenPath)
            {
                var token = await context.RequestServices.GetRequiredService<IReaderAccessTokens>().GetAccessTokenAsync(context);
                await context.Response.WriteAsync(token ?? "(none)");
                return;
            }

            if (context.Request.Path == SilentPath)
            {
                await context.ChallengeAsync(context.Request.Query["provider"].ToString(),
                    new OidcChallengeProperties { Prompt = "none", RedirectUri = context.Request.Query["returnUrl"].ToString() });
                return;
            }

            if (context.Request.Path != Path || !HttpMethods.IsPost(context.Request.Method))
            {
                await nextMiddleware(context);
                return;
            }

            var form = await context.Request.ReadFormAsync();
            var provider = form["provider"].ToString();
            var identity = new ClaimsIdentity(provider, OidcClaimTypes.Name, OidcClaimTypes.Role);
            if (form[OidcClaimTypes.Issuer].ToString().Length == 0)
            {
                identity.AddClaim(new Claim(OidcClaimTypes.Issuer, $"https://{provider}.example"));
            }

            foreach (var type in new[] { OidcClaimTypes.Subject, OidcClaimTypes.Issuer, OidcClaimTypes.Provider, OidcClaimTypes.SessionId, OidcClaimTypes.Name, OidcClaimTypes.Email })
            {
                if (form[type].ToString() is { Length: > 0 } value)
                {
                    identity.AddClaim(new Claim(type, value));
                }
            }

            foreach (var plan in form[OidcClaimTypes.Plan])
            {
                identity.AddClaim(new Claim(OidcClaimTypes.Plan, plan!));
            }

            // What OnTokenValidated does after a real sign-in.
            context.RequestServices.GetRequiredService<AdminRoleAssigner>().Apply(new ClaimsPrincipal(identity));
            if (context.RequestServices.GetRequiredService<OidcProviderCatalog>().TryGet(provider, out var info))
            {
                var token = form["access_token"].ToString();
                await context.RequestServices.GetRequiredService<EntitlementResolver>()
                    .SignInAsync(identity, provider, info.Type, token.Length > 0 ? token : null, context.RequestAborted);
            }

            var properties = new AuthenticationProperties();
            var tokens = new[] { "access_token", "refresh_token", "id_token", "expires_at" }
                .Where(name => form[name].ToString().Length > 0)
                .Select(name => new AuthenticationToken { Name = name, Value = form[name].ToString() })
                .ToList();
            properties.StoreTokens(tokens);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        next(app);
    };
}
